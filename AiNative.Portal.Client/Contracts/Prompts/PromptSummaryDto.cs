namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A prompt in the team's list: its newest version number (null before the first) and its labels.</summary>
public sealed record PromptSummaryDto(
    Guid Id,
    string Name,
    string? Description,
    int? LatestVersion,
    IReadOnlyList<PromptLabelDto> Labels,
    DateTimeOffset UpdatedAt);
