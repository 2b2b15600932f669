namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// One chunk found: its text with the matched terms and their spans, its document and position
/// (page or heading, partition number), and its scores: cosine similarity, BM25, reciprocal rank
/// fusion, the share of the query's words found (keyword and hybrid mode), and the relevance (0 to 1) that the
/// minimum applies to and that orders the hits.
/// </summary>
public sealed record SearchHitDto(
    long ChunkId,
    Guid DocumentId,
    string SourceName,
    int PartitionNumber,
    string Text,
    int? Page,
    string? Heading,
    double Relevance,
    double? VectorScore,
    double? KeywordScore,
    double? FusedScore,
    double? WordsMatched,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<HighlightDto> Highlights,
    IReadOnlyDictionary<string, List<string>> Tags);
