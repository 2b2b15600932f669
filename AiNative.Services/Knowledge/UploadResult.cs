namespace AiNative.Services.Knowledge;

public sealed record UploadResult(Guid KnowledgeBaseId, string KnowledgeBaseName, IReadOnlyList<UploadOutcome> Files);
