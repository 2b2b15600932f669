namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>A page of changed items and how many changed in that direction.</summary>
public sealed record ChangedItemPageDto(IReadOnlyList<ChangedItemDto> Items, int Total, int Page, int PageSize);
