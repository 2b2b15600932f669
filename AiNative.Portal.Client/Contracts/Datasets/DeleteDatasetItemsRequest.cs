namespace AiNative.Portal.Client.Contracts.Datasets;

public sealed record DeleteDatasetItemsRequest(IReadOnlyList<Guid> ItemIds);
