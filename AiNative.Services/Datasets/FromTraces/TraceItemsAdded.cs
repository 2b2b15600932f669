namespace AiNative.Services.Datasets.FromTraces;

/// <summary>The version that traces made, with the items added (in the order the traces were given).</summary>
public sealed record TraceItemsAdded(DatasetVersion Version, IReadOnlyList<DatasetItem> Items);
