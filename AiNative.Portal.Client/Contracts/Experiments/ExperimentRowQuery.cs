namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>Which rows to list: a filter, a page (from 1) and an order.</summary>
public sealed record ExperimentRowQuery(
    RowFilterDto Filter = RowFilterDto.All, int Page = 1, int PageSize = ExperimentRowQuery.DefaultPageSize, RowOrderDto Order = RowOrderDto.Dataset)
{
    public const int DefaultPageSize = 20;
}
