namespace AiNative.Services.Traces;

/// <summary>A chunk a retrieve step put into the context as source [<see cref="Number"/>]: where it is, and each of its scores.</summary>
public sealed record RetrievedChunk
{
    public int Number { get; init; }

    public long ChunkId { get; init; }

    public Guid DocumentId { get; init; }

    public required string DocumentName { get; init; }

    public int? Page { get; init; }

    public string? Heading { get; init; }

    /// <summary>From 0 to 1; what the minimum relevance applies to.</summary>
    public double Relevance { get; init; }

    /// <summary>Cosine similarity, when the vector search found the chunk.</summary>
    public double? VectorScore { get; init; }

    /// <summary>The keyword score (BM25 on SQLite, ts_rank_cd on PostgreSQL), when the keyword search found the chunk.</summary>
    public double? KeywordScore { get; init; }

    /// <summary>Reciprocal rank fusion, in hybrid mode.</summary>
    public double? FusedScore { get; init; }
}
