namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A file before import: format, columns, the mapping used, the first rows, and the rows that would be bad under that mapping.</summary>
public sealed record ImportPreviewDto(
    DatasetFileFormatDto Format,
    IReadOnlyList<ImportColumnDto> Columns,
    IReadOnlyList<ColumnMappingDto> Mapping,
    IReadOnlyList<PreviewRowDto> Rows,
    int TotalRows,
    int GoodRows,
    IReadOnlyList<BadRowDto> BadRows,
    int BadRowCount);
