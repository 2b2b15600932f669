namespace AiNative.Services.Traces.Ingestion;

public sealed record IngestionBatch(IReadOnlyList<IngestedTrace> Traces, IReadOnlyList<IngestedObservation> Observations);
