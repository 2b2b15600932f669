using AiNative.Services.Knowledge.Partitioning;

namespace AiNative.Services.Knowledge;

/// <summary>
/// What a partitioning would make of one document, beside what the base's current one made of it: the counts,
/// and the first chunks.
/// </summary>
public sealed record PartitioningPreview(
    Guid DocumentId,
    string FileName,
    PartitioningSettings Current,
    int CurrentChunks,
    long CurrentTokens,
    PartitioningSettings Proposed,
    int Chunks,
    long Tokens,
    IReadOnlyList<PartitionedChunk> FirstChunks);
