namespace AiNative.Services.Datasets.Import;

/// <summary>What one column of the file becomes; <see cref="Name"/> renames a variable or metadata field (the column's name when null).</summary>
public sealed record ColumnMapping(string Column, ColumnRole Role, string? Name = null)
{
    public string Key => string.IsNullOrWhiteSpace(Name) ? Column : Name.Trim();
}
