namespace AiNative.Services.Knowledge;

/// <summary>One page (from 1) of a longer list: its items, and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
