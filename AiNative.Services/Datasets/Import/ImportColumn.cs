namespace AiNative.Services.Datasets.Import;

/// <summary>A column found in the file, with the role its name and values suggest.</summary>
public sealed record ImportColumn(string Name, ColumnRole SuggestedRole);
