namespace AiNative.Services.Datasets.Import;

/// <summary>The file formats datasets are imported from and exported to.</summary>
public enum ImportFormat
{
    /// <summary>Comma-separated values with a header row (the separator ; tab or | is detected too).</summary>
    Csv = 1,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines = 2,

    /// <summary>One JSON array of objects.</summary>
    Json = 3,
}
