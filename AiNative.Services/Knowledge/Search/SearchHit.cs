namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// One chunk found, with where it came from and every score. <see cref="Relevance"/> is from 0 to 1:
/// the cosine similarity (negative ones as 0) in vector mode, the normalised keyword score (s / (s + 1), see <see cref="KeywordMatch"/>) in keyword mode,
/// and the higher of the two in hybrid mode, whose order comes from <see cref="FusedScore"/>.
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
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<TextRange> Highlights,
    IReadOnlyDictionary<string, List<string>> Tags);
