namespace AiNative.Services.Knowledge;

/// <summary>A document's status as it changes: queued, each step with its progress, ready, failed, deleted.</summary>
public sealed record DocumentStatusChanged(
    Guid TeamId,
    Guid KnowledgeBaseId,
    Guid DocumentId,
    DocumentStatus Status,
    string? Step,
    double Progress,
    string? Error,
    int ChunkCount,
    long TokenCount,
    bool Deleted = false);
