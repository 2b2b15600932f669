namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A live change of a document's status; <see cref="Deleted"/> when it was removed.</summary>
public sealed record DocumentChangeDto(
    Guid DocumentId,
    Guid IndexId,
    DocumentStatusDto Status,
    string? Step,
    double Progress,
    string? Error,
    int ChunkCount,
    long TokenCount,
    bool Deleted);
