using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Platform;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Export;
using AiNative.Services.Datasets.FromTraces;
using AiNative.Services.Datasets.Import;

namespace AiNative.Portal.Datasets;

/// <summary>The datasets in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalDatasetsApi(
    DatasetRegistry registry,
    DatasetItems items,
    DatasetImporter importer,
    DatasetExporter exporter,
    DatasetTraceItems traceItems) : IDatasetsApi
{
    public Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<DatasetDto>>(async () => [.. (await registry.ListAsync(cancellationToken)).Select(d => d.ToDto())]);

    public Task<DatasetDetailsDto> GetAsync(Guid datasetId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await registry.GetAsync(datasetId, cancellationToken)).ToDetailsDto());

    public Task<DatasetDetailsDto> CreateAsync(SaveDatasetRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await registry.CreateAsync(request.Name, request.Description, cancellationToken)).ToDetailsDto());

    public Task<DatasetDetailsDto> UpdateAsync(Guid datasetId, SaveDatasetRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            await registry.UpdateAsync(datasetId, request.Name, request.Description, cancellationToken);
            return (await registry.GetAsync(datasetId, cancellationToken)).ToDetailsDto();
        });

    public Task DeleteAsync(Guid datasetId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => registry.DeleteAsync(datasetId, cancellationToken));

    public Task<DatasetItemPageDto> ListItemsAsync(Guid datasetId, DatasetItemListQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await items.ListAsync(datasetId, query.ToQuery(), cancellationToken)).ToDto());

    public Task<DatasetItemDto> GetItemAsync(Guid datasetId, Guid itemId, int? version = null, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await items.GetAsync(datasetId, itemId, version, cancellationToken)).ToDto());

    public Task<DatasetItemDto> AddItemAsync(Guid datasetId, SaveDatasetItemRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await items.AddAsync(datasetId, request.ToContent(), cancellationToken)).ToDto());

    public Task<DatasetItemDto> UpdateItemAsync(Guid datasetId, Guid itemId, SaveDatasetItemRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await items.UpdateAsync(datasetId, itemId, request.ToContent(), cancellationToken)).ToDto());

    public Task<DatasetVersionDto> DeleteItemsAsync(Guid datasetId, DeleteDatasetItemsRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await items.DeleteAsync(datasetId, request.ItemIds ?? [], cancellationToken)).ToDto());

    public Task<ImportPreviewDto> PreviewImportAsync(Guid datasetId, ImportFileDto file, ImportOptionsDto options, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await importer.PreviewAsync(datasetId, file.FileName, file.Content, options.ToOptions(), cancellationToken)).ToDto());

    public Task<ImportResultDto> ImportAsync(Guid datasetId, ImportFileDto file, ImportOptionsDto options, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await importer.ImportAsync(datasetId, file.FileName, file.Content, options.ToOptions(), cancellationToken)).ToDto());

    public Task<ExportFileDto> PrepareExportAsync(Guid datasetId, DatasetFileFormatDto format, int? version = null, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await exporter.PrepareAsync(datasetId, version, (ImportFormat)format, cancellationToken)).ToDto());

    public Task ExportAsync(Guid datasetId, ExportFileDto file, Stream destination, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => exporter.WriteAsync(file.ToFile(datasetId), destination, cancellationToken));

    public Task<TraceItemsAddedDto> AddFromTracesAsync(Guid datasetId, AddTraceItemsRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await traceItems.AddAsync(datasetId, request.TraceIds ?? [], request.OutputAsExpected, cancellationToken)).ToDto());
}
