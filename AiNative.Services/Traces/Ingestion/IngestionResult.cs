namespace AiNative.Services.Traces.Ingestion;

/// <summary>What a batch kept (ids of traces and observations, in batch order) and each item it refused, with why.</summary>
public sealed record IngestionResult(IReadOnlyList<Guid> Traces, IReadOnlyList<Guid> Observations, IReadOnlyList<IngestionError> Errors);

/// <summary>An item refused: <paramref name="Kind"/> is "trace" or "observation", <paramref name="Index"/> its place in its list, from 0.</summary>
public sealed record IngestionError(string Kind, int Index, string Field, string Message);
