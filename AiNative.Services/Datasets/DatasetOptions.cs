namespace AiNative.Services.Datasets;

/// <summary>Limits of dataset imports; bound from <c>Portal:Datasets</c>.</summary>
public sealed class DatasetOptions
{
    public const string Section = "Portal:Datasets";

    /// <summary>The largest file an import reads, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The most rows one import reads.</summary>
    public int MaxImportRows { get; set; } = 100_000;

    /// <summary>The rows a preview shows.</summary>
    public int PreviewRows { get; set; } = 10;
}
