using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Export;
using AiNative.Services.Datasets.FromTraces;
using AiNative.Services.Datasets.Import;

namespace AiNative.Portal.Datasets;

/// <summary>Datasets between the services and the API contract.</summary>
internal static class DatasetMappings
{
    public static DatasetDto ToDto(this Dataset d) => new(d.Id, d.Name, d.Description, d.CurrentVersion, d.ItemCount, d.CreatedAt, d.UpdatedAt);

    public static DatasetDetailsDto ToDetailsDto(this Dataset d) =>
        new(d.Id, d.Name, d.Description, d.CurrentVersion, d.ItemCount, d.CreatedAt, d.UpdatedAt, [.. d.Versions.Select(v => v.ToDto())]);

    public static DatasetVersionDto ToDto(this DatasetVersion v) => new(v.Number, v.Summary, v.ItemCount, v.CreatedAt, v.CreatedBy);

    public static DatasetItemDto ToDto(this DatasetItem i) => new(
        i.ItemId, i.Position, ItemJson.Read(i.Input), i.ExpectedOutput, i.ExpectedSources, ItemJson.Read(i.Metadata), i.SourceTraceId, i.ValidFrom, i.CreatedAt);

    public static DatasetItemPageDto ToDto(this DatasetItemPage p) =>
        new([.. p.Items.Select(i => i.ToDto())], p.Version, p.Total, p.TotalIsLowerBound, p.Page, p.PageSize);

    public static DatasetItemQuery ToQuery(this DatasetItemListQuery q) => new() { Version = q.Version, Search = q.Search, Page = q.Page, PageSize = q.PageSize };

    public static ItemContent ToContent(this SaveDatasetItemRequest r) => new()
    {
        Variables = r.Variables ?? [],
        ExpectedOutput = r.ExpectedOutput,
        ExpectedSources = r.ExpectedSources ?? [],
        Metadata = r.Metadata ?? [],
    };

    public static ImportOptions ToOptions(this ImportOptionsDto? o) => o is null ? new ImportOptions() : new ImportOptions
    {
        Format = o.Format is { } format ? (ImportFormat)format : null,
        Mapping = o.Mapping?.Select(m => new ColumnMapping(m.Column, (ColumnRole)m.Role, m.Name)).ToList(),
        BadRows = (BadRowHandling)o.BadRows,
        Mode = (ImportMode)o.Mode,
    };

    public static ImportPreviewDto ToDto(this ImportPreview p) => new(
        (DatasetFileFormatDto)p.Format,
        [.. p.Columns.Select(c => new ImportColumnDto(c.Name, (ColumnRoleDto)c.SuggestedRole))],
        [.. p.Mapping.Select(m => new ColumnMappingDto(m.Column, (ColumnRoleDto)m.Role, m.Name))],
        [.. p.Rows.Select(r => new PreviewRowDto(r.Line, r.Cells))],
        p.TotalRows,
        p.GoodRows,
        [.. p.BadRows.Select(b => b.ToDto())],
        p.BadRowCount);

    public static ImportResultDto ToDto(this ImportResult r) =>
        new(r.Version.ToDto(), r.Added, r.Removed, [.. r.Skipped.Select(b => b.ToDto())], r.SkippedCount);

    public static ExportFileDto ToDto(this ExportFile f) => new(f.Version, f.ItemCount, (DatasetFileFormatDto)f.Format, f.FileName, f.ContentType);

    public static ExportFile ToFile(this ExportFileDto f, Guid datasetId) => new(datasetId, f.Version, f.ItemCount, (ImportFormat)f.Format, f.FileName, f.ContentType);

    public static TraceItemsAddedDto ToDto(this TraceItemsAdded a) => new(a.Version.ToDto(), [.. a.Items.Select(i => i.ToDto())]);

    private static BadRowDto ToDto(this BadRow b) => new(b.Line, b.Reason);
}
