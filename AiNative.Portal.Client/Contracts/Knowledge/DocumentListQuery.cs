namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>Which documents of a base to list: those whose name, id or a tag value holds the search, in a status, sorted, a page (from 1).</summary>
public sealed record DocumentListQuery(
    string? Search = null,
    DocumentStatusDto? Status = null,
    DocumentSortDto Sort = DocumentSortDto.Added,
    bool Descending = true,
    int Page = 1,
    int PageSize = DocumentListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
}
