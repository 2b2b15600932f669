namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A dataset in a list: its latest version (0 before its first item) and how many items that holds.</summary>
public sealed record DatasetDto(
    Guid Id, string Name, string? Description, int CurrentVersion, int ItemCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
