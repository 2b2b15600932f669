namespace AiNative.Services.Knowledge.Search;

/// <summary>A chunk's vector as the in-memory index holds it.</summary>
public sealed record VectorRow(long ChunkId, Guid DocumentId, float[] Vector);
