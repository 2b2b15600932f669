namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>An experiment as listed: what it runs on (the dataset, by id and name, and version), its variants' names, where it stands.</summary>
public sealed record ExperimentDto(
    Guid Id,
    string Name,
    Guid DatasetId,
    string DatasetName,
    int DatasetVersion,
    IReadOnlyList<string> Variants,
    ExperimentProgressDto Progress,
    DateTimeOffset CreatedAt,
    string CreatedBy);
