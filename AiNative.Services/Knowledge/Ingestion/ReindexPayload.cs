namespace AiNative.Services.Knowledge.Ingestion;

public sealed record ReindexPayload(Guid KnowledgeBaseId, int Generation);
