namespace AiNative.Services.Datasets.Import;

/// <summary>A row as the file has it: its line and each column's value as text.</summary>
public sealed record PreviewRow(int Line, IReadOnlyDictionary<string, string?> Cells);
