namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>Which rows to list: a filter and a page (from 1).</summary>
public sealed record ExperimentRowQuery(RowFilterDto Filter = RowFilterDto.All, int Page = 1, int PageSize = ExperimentRowQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
}
