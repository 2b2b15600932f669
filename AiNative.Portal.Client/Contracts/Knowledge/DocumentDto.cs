namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// A document and its ingestion status, shaped like Kernel Memory's upload status (document id,
/// index, tags, completed/failed, steps) with the portal's step progress, counts and size, and a PDF's pages.
/// </summary>
public sealed record DocumentDto(
    Guid DocumentId,
    string Index,
    Guid IndexId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    IReadOnlyDictionary<string, List<string>> Tags,
    DocumentStatusDto Status,
    string? Step,
    double Progress,
    string? Error,
    int ChunkCount,
    long TokenCount,
    bool Completed,
    bool Failed,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> RemainingSteps,
    IReadOnlyList<string> CompletedSteps,
    DateTimeOffset Creation,
    DateTimeOffset LastUpdate,
    int? PageCount = null);
