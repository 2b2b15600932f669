namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A row of the file: its line, and each column's value as text.</summary>
public sealed record PreviewRowDto(int Line, IReadOnlyDictionary<string, string?> Cells);
