namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// One chunk found, with where it came from and every score. <see cref="Relevance"/> is from 0 to 1 and orders
/// the hits: the cosine similarity (negative ones as 0) in vector mode, and in keyword and hybrid mode
/// <see cref="Search.Relevance.Of"/> of the share of the query's words found (<see cref="MatchedTerms"/>) and the
/// similarity, where 0.5 and above means the chunk is more likely to answer than not. <see cref="WordsMatched"/> is that
/// share (0 to 1), null in vector mode.
/// </summary>
public sealed record SearchHit(
    long ChunkId,
    Guid DocumentId,
    string DocumentName,
    int Ordinal,
    string Text,
    int? Page,
    string? Heading,
    double Relevance,
    double? VectorScore,
    double? KeywordScore,
    double? FusedScore,
    double? WordsMatched,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<TextRange> Highlights,
    IReadOnlyDictionary<string, List<string>> Tags);
