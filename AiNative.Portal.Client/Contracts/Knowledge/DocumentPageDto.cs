namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A page of a base's documents and how many match in all.</summary>
public sealed record DocumentPageDto(IReadOnlyList<DocumentDto> Items, int Total, int Page, int PageSize);
