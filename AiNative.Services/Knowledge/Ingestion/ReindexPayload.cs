namespace AiNative.Services.Knowledge.Ingestion;

/// <param name="WaitingSince">When the re-index began waiting for documents being ingested; null while it is not waiting.</param>
public sealed record ReindexPayload(Guid KnowledgeBaseId, int Generation, DateTimeOffset? WaitingSince = null);
