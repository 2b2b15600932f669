namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// A search of one base. Tag filters match documents that have, for every key given, one of its
/// values; document ids narrow further. <see cref="MinRelevance"/> is in the mode's relevance (see <see cref="SearchHit.Relevance"/>).
/// </summary>
public sealed record SearchRequest
{
    public const int MaxTopK = 100;
    public const int MaxQueryLength = 2_000;
    public const int MaxFilters = 20;

    public required string Index { get; init; }

    public required string Query { get; init; }

    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    public int TopK { get; init; } = 5;

    public double MinRelevance { get; init; }

    public IReadOnlyDictionary<string, List<string>>? Tags { get; init; }

    public IReadOnlyList<Guid>? DocumentIds { get; init; }

    /// <summary>
    /// Kernel Memory's filters: a document matches one when it has every tag (key and value) the filter names, and
    /// passes when it matches any of them. They narrow what <see cref="Tags"/> and <see cref="DocumentIds"/> admit.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, List<string>>>? Filters { get; init; }
}
