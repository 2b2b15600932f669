namespace AiNative.Services.Datasets.Import;

/// <summary>What an import did: the version it made, the items added (and removed, when replacing) and the rows skipped.</summary>
public sealed record ImportResult(
    DatasetVersion Version,
    int Added,
    int Removed,
    IReadOnlyList<BadRow> Skipped,
    int SkippedCount);
