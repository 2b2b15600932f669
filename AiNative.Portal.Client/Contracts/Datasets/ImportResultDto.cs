namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>What an import did: the version made, items added and removed (when replacing), rows skipped.</summary>
public sealed record ImportResultDto(DatasetVersionDto Version, int Added, int Removed, IReadOnlyList<BadRowDto> Skipped, int SkippedCount);
