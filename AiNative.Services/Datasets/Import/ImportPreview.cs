namespace AiNative.Services.Datasets.Import;

/// <summary>
/// What a file holds before it is imported: its format and columns, the first rows, and which rows would be
/// bad under <see cref="Mapping"/> (the one asked for, or the suggested one).
/// </summary>
public sealed record ImportPreview(
    ImportFormat Format,
    IReadOnlyList<ImportColumn> Columns,
    IReadOnlyList<ColumnMapping> Mapping,
    IReadOnlyList<PreviewRow> Rows,
    int TotalRows,
    int GoodRows,
    IReadOnlyList<BadRow> BadRows,
    int BadRowCount);
