namespace AiNative.Services.Knowledge.Ingestion;

public sealed record IngestDocumentPayload(Guid DocumentId);
