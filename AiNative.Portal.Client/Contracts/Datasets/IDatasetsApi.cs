namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>
/// The current team's datasets: versioned test cases that experiments run over. Every change of items makes the
/// next version; any version can be read, paged, exported.
/// </summary>
public interface IDatasetsApi
{
    Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<DatasetDetailsDto> GetAsync(Guid datasetId, CancellationToken cancellationToken = default);

    Task<DatasetDetailsDto> CreateAsync(SaveDatasetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a dataset or changes its description (no new version).</summary>
    Task<DatasetDetailsDto> UpdateAsync(Guid datasetId, SaveDatasetRequest request, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid datasetId, CancellationToken cancellationToken = default);

    Task<DatasetItemPageDto> ListItemsAsync(Guid datasetId, DatasetItemListQuery query, CancellationToken cancellationToken = default);

    Task<DatasetItemDto> GetItemAsync(Guid datasetId, Guid itemId, int? version = null, CancellationToken cancellationToken = default);

    Task<DatasetItemDto> AddItemAsync(Guid datasetId, SaveDatasetItemRequest request, CancellationToken cancellationToken = default);

    Task<DatasetItemDto> UpdateItemAsync(Guid datasetId, Guid itemId, SaveDatasetItemRequest request, CancellationToken cancellationToken = default);

    Task<DatasetVersionDto> DeleteItemsAsync(Guid datasetId, DeleteDatasetItemsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a file without importing it: columns, first rows, and the rows that would be bad.</summary>
    Task<ImportPreviewDto> PreviewImportAsync(Guid datasetId, ImportFileDto file, ImportOptionsDto options, CancellationToken cancellationToken = default);

    /// <summary>Imports a file as the next version: every good row, or nothing when a row is bad and the options say so.</summary>
    Task<ImportResultDto> ImportAsync(Guid datasetId, ImportFileDto file, ImportOptionsDto options, CancellationToken cancellationToken = default);

    /// <summary>Checks that a version (the latest when null) can be exported and names the file.</summary>
    Task<ExportFileDto> PrepareExportAsync(Guid datasetId, DatasetFileFormatDto format, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the file <see cref="PrepareExportAsync"/> named, streaming.</summary>
    Task ExportAsync(Guid datasetId, ExportFileDto file, Stream destination, CancellationToken cancellationToken = default);

    Task<TraceItemsAddedDto> AddFromTracesAsync(Guid datasetId, AddTraceItemsRequest request, CancellationToken cancellationToken = default);
}
