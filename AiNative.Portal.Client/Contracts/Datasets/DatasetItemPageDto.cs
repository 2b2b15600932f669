namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A page of a version's items; with a search, <see cref="Total"/> counts at most 10,000 matches (<see cref="TotalIsLowerBound"/> beyond).</summary>
public sealed record DatasetItemPageDto(
    IReadOnlyList<DatasetItemDto> Items, int Version, int Total, bool TotalIsLowerBound, int Page, int PageSize);
