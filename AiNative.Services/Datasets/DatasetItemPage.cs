namespace AiNative.Services.Datasets;

/// <summary>
/// One page of a version's items, in the dataset's order. <see cref="Total"/> is the version's item count, or
/// with a search the matches up to <see cref="DatasetItems.CountLimit"/> (<see cref="TotalIsLowerBound"/> when there are more).
/// </summary>
public sealed record DatasetItemPage(
    IReadOnlyList<DatasetItem> Items, int Version, int Total, bool TotalIsLowerBound, int Page, int PageSize);
