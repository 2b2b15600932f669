namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>Traces (playground runs, gateway requests) to turn into items; with <see cref="OutputAsExpected"/>, each output becomes the expected output.</summary>
public sealed record AddTraceItemsRequest(IReadOnlyList<Guid> TraceIds, bool OutputAsExpected = false);
