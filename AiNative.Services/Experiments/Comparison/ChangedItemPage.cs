namespace AiNative.Services.Experiments.Comparison;

/// <summary>Page <see cref="Page"/> (from 1) of the changed items, and how many changed in that direction.</summary>
public sealed record ChangedItemPage(IReadOnlyList<ChangedItem> Items, int Total, int Page, int PageSize);
