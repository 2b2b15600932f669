namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>How to read an import: the format (detected when null), the mapping (suggested when null), what bad rows do, append or replace.</summary>
public sealed record ImportOptionsDto(
    DatasetFileFormatDto? Format = null,
    IReadOnlyList<ColumnMappingDto>? Mapping = null,
    BadRowHandlingDto BadRows = BadRowHandlingDto.ImportNothing,
    ImportModeDto Mode = ImportModeDto.Append);
