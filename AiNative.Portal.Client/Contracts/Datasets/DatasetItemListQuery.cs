namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>Which items to list: a version (the latest when null), text they contain, a page (from 1).</summary>
public sealed record DatasetItemListQuery(int? Version = null, string? Search = null, int Page = 1, int PageSize = DatasetItemListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
}
