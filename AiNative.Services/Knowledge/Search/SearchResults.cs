namespace AiNative.Services.Knowledge.Search;

/// <summary>The hits of a search, best first; <see cref="Message"/> says why there are none when a filter matched nothing.</summary>
public sealed record SearchResults(
    Guid KnowledgeBaseId,
    string KnowledgeBaseName,
    string Query,
    SearchMode Mode,
    IReadOnlyList<SearchHit> Hits,
    string? Message,
    SearchTiming Timing);
