namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A knowledge base with its settings, index state and document counts.</summary>
public sealed record KnowledgeBaseDto(
    Guid Id,
    string Name,
    string? Description,
    Guid EmbeddingModelId,
    string EmbeddingModelName,
    PartitioningDto Partitioning,
    int IndexGeneration,
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
