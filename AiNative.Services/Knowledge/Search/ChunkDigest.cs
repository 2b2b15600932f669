namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// A fingerprint of a set of chunks that the database computes cheaply: how many, the largest id and the
/// sum of the ids. PostgreSQL never hands out an id twice, so adding or removing chunks changes it; the
/// <see cref="VectorIndex"/> compares a segment's with the database's to find changes it was not told about.
/// </summary>
public readonly record struct ChunkDigest(long Count, long MaxId, long IdSum)
{
    public ChunkDigest With(long chunkId) => new(Count + 1, Math.Max(MaxId, chunkId), IdSum + chunkId);
}
