namespace AiNative.Services.Knowledge;

/// <summary>A base as lists and settings pages show it.</summary>
public sealed record KnowledgeBaseSummary(
    Guid Id,
    string Name,
    string? Description,
    Guid EmbeddingModelId,
    string EmbeddingModelName,
    PartitioningSettings Partitioning,
    int ActiveGeneration,
    bool IsReindexing,
    double? ReindexProgress,
    string? ReindexError,
    int DocumentCount,
    int ReadyCount,
    int FailedCount,
    long ChunkCount,
    long TokenCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
