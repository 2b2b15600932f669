namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>What the proposed partitioning makes of one document beside what the current one made: counts, and the first chunks.</summary>
public sealed record PartitioningPreviewDto(
    Guid DocumentId,
    string FileName,
    PartitioningDto Current,
    int CurrentChunks,
    long CurrentTokens,
    PartitioningDto Proposed,
    int Chunks,
    long Tokens,
    IReadOnlyList<PreviewChunkDto> FirstChunks);
