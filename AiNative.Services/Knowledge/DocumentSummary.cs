namespace AiNative.Services.Knowledge;

/// <summary>A document and where its ingestion stands (Kernel Memory's upload status, with counts and progress).</summary>
public sealed record DocumentSummary(
    Guid Id,
    Guid KnowledgeBaseId,
    string KnowledgeBaseName,
    string FileName,
    DocumentFormat Format,
    string MediaType,
    long Size,
    string Sha256,
    IReadOnlyDictionary<string, List<string>> Tags,
    DocumentStatus Status,
    string? Step,
    double Progress,
    string? Error,
    int ChunkCount,
    long TokenCount,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> RemainingSteps,
    IReadOnlyList<string> CompletedSteps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int? PageCount);
