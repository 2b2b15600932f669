namespace AiNative.Portal.Client.Contracts.Datasets;

public sealed record TraceItemsAddedDto(DatasetVersionDto Version, IReadOnlyList<DatasetItemDto> Items);
