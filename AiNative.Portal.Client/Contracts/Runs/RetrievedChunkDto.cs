namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// A chunk a retrieve step put into the context as source [<see cref="Number"/>]: its document and
/// place, its relevance (0 to 1), and its cosine similarity, BM25 and reciprocal-rank-fusion scores
/// where the search mode computed them.
/// </summary>
public sealed record RetrievedChunkDto(
    int Number,
    long ChunkId,
    Guid DocumentId,
    string DocumentName,
    int? Page,
    string? Heading,
    double Relevance,
    double? VectorScore,
    double? KeywordScore,
    double? FusedScore);
