namespace AiNative.Services.Knowledge;

/// <summary>A page of a base's documents: those whose name, id or a tag value holds <see cref="Search"/>, in <see cref="Status"/>.</summary>
public sealed record DocumentQuery
{
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;

    public string? Search { get; init; }

    public DocumentStatus? Status { get; init; }

    public DocumentSort Sort { get; init; } = DocumentSort.Added;

    public bool Descending { get; init; } = true;

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
