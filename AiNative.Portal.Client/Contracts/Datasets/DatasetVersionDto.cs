namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>One change of a dataset's items and the version it made.</summary>
public sealed record DatasetVersionDto(int Number, string Summary, int ItemCount, DateTimeOffset CreatedAt, string CreatedBy);
