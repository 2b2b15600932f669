namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A dataset with its newest versions, newest first.</summary>
public sealed record DatasetDetailsDto(
    Guid Id,
    string Name,
    string? Description,
    int CurrentVersion,
    int ItemCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DatasetVersionDto> Versions);
