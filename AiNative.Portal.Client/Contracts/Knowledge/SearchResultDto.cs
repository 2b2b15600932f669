namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>The hits, best first; <see cref="Message"/> says why there are none when a filter matched no documents.</summary>
public sealed record SearchResultDto(
    string Index,
    Guid IndexId,
    string Query,
    SearchModeDto Mode,
    bool NoResult,
    string? Message,
    IReadOnlyList<SearchHitDto> Results,
    SearchTimingDto Timing);
