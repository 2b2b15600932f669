using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Platform;
using AiNative.Services.Datasets;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Datasets;

/// <summary>
/// <c>/api/teams/{teamId}/datasets</c>: datasets, their items in any version, imports (a preview, then the import)
/// as multipart posts of a <c>file</c> and its <c>options</c> (JSON), streamed exports, and items from traces.
/// </summary>
public static class DatasetsEndpoints
{
    /// <summary>Room for the multipart framing and the options around the file.</summary>
    private const long MultipartOverhead = 1024 * 1024;

    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder endpoints)
    {
        var datasets = endpoints.MapTeamGroup("datasets", "Datasets");
        datasets.MapGet("", ListAsync).WithName("ListDatasets").WithSummary("The team's datasets with their latest version and item count");
        datasets.MapPost("", CreateAsync).WithName("CreateDataset").WithSummary("Create an empty dataset");
        datasets.MapGet("{datasetId:guid}", GetAsync).WithName("GetDataset").WithSummary("A dataset with its newest versions");
        datasets.MapPut("{datasetId:guid}", UpdateAsync).WithName("UpdateDataset").WithSummary("Rename a dataset or change its description");
        datasets.MapDelete("{datasetId:guid}", DeleteAsync).WithName("DeleteDataset").WithSummary("Delete a dataset with every version of its items");
        datasets.MapGet("{datasetId:guid}/items", ListItemsAsync).WithName("ListDatasetItems")
            .WithSummary("A page of a version's items (the latest unless version is given), optionally those containing search");
        datasets.MapPost("{datasetId:guid}/items", AddItemAsync).WithName("AddDatasetItem").WithSummary("Add an item; makes the next version");
        datasets.MapGet("{datasetId:guid}/items/{itemId:guid}", GetItemAsync).WithName("GetDatasetItem").WithSummary("An item as it is in a version");
        datasets.MapPut("{datasetId:guid}/items/{itemId:guid}", UpdateItemAsync).WithName("UpdateDatasetItem")
            .WithSummary("Give an item new content; makes the next version, older versions keep the old content");
        datasets.MapDelete("{datasetId:guid}/items/{itemId:guid}", DeleteItemAsync).WithName("DeleteDatasetItem")
            .WithSummary("Take an item out of the next version");
        datasets.MapPost("{datasetId:guid}/items/delete", DeleteItemsAsync).WithName("DeleteDatasetItems")
            .WithSummary("Take several items out of the next version, all or none");
        datasets.MapPost("{datasetId:guid}/items/from-traces", AddFromTracesAsync).WithName("AddDatasetItemsFromTraces")
            .WithSummary("Turn traces (playground runs, gateway requests) into items, their outputs as expected outputs if asked");

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DatasetOptions>>().Value;
        var requestLimit = options.MaxImportBytes + MultipartOverhead;

        // Multipart posts skip the antiforgery token check, as uploads to knowledge bases do: the session cookie is
        // SameSite=Lax and cookie callers must send the X-AiNative-Client header.
        datasets.MapPost("{datasetId:guid}/import/preview", PreviewImportAsync).WithName("PreviewDatasetImport")
            .WithSummary("Read a file (multipart: file, options) without importing: format, columns, first rows, suggested mapping, bad rows by line")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit);
        datasets.MapPost("{datasetId:guid}/import", ImportAsync).WithName("ImportDatasetItems")
            .WithSummary("Import a CSV, JSON Lines or JSON file (multipart: file, options) as the next version; bad rows import nothing unless options say to skip them")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit);
        datasets.MapGet("{datasetId:guid}/export", ExportAsync).WithName("ExportDataset")
            .WithSummary("Download a version (the latest unless version is given) as csv, jsonl or json, streamed");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<DatasetDto>>> ListAsync(IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.ListAsync(cancellationToken));

    private static async Task<Created<DatasetDetailsDto>> CreateAsync(
        Guid teamId, SaveDatasetRequest request, IDatasetsApi datasets, CancellationToken cancellationToken)
    {
        var created = await datasets.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/datasets/{created.Id}", created);
    }

    private static async Task<Ok<DatasetDetailsDto>> GetAsync(Guid datasetId, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.GetAsync(datasetId, cancellationToken));

    private static async Task<Ok<DatasetDetailsDto>> UpdateAsync(
        Guid datasetId, SaveDatasetRequest request, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.UpdateAsync(datasetId, request, cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid datasetId, IDatasetsApi datasets, CancellationToken cancellationToken)
    {
        await datasets.DeleteAsync(datasetId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DatasetItemPageDto>> ListItemsAsync(
        Guid datasetId, int? version, string? search, int? page, int? pageSize, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.ListItemsAsync(
            datasetId, new DatasetItemListQuery(version, search, page ?? 1, pageSize ?? DatasetItemListQuery.DefaultPageSize), cancellationToken));

    private static async Task<Ok<DatasetItemDto>> GetItemAsync(Guid datasetId, Guid itemId, int? version, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.GetItemAsync(datasetId, itemId, version, cancellationToken));

    private static async Task<Created<DatasetItemDto>> AddItemAsync(
        Guid teamId, Guid datasetId, SaveDatasetItemRequest request, IDatasetsApi datasets, CancellationToken cancellationToken)
    {
        var added = await datasets.AddItemAsync(datasetId, request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/datasets/{datasetId}/items/{added.Id}", added);
    }

    private static async Task<Ok<DatasetItemDto>> UpdateItemAsync(
        Guid datasetId, Guid itemId, SaveDatasetItemRequest request, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.UpdateItemAsync(datasetId, itemId, request, cancellationToken));

    private static async Task<Ok<DatasetVersionDto>> DeleteItemAsync(Guid datasetId, Guid itemId, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.DeleteItemsAsync(datasetId, new DeleteDatasetItemsRequest([itemId]), cancellationToken));

    private static async Task<Ok<DatasetVersionDto>> DeleteItemsAsync(
        Guid datasetId, DeleteDatasetItemsRequest request, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.DeleteItemsAsync(datasetId, request, cancellationToken));

    private static async Task<Ok<TraceItemsAddedDto>> AddFromTracesAsync(
        Guid datasetId, AddTraceItemsRequest request, IDatasetsApi datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.AddFromTracesAsync(datasetId, request, cancellationToken));

    private static async Task<Ok<ImportPreviewDto>> PreviewImportAsync(
        Guid datasetId, HttpRequest request, IDatasetsApi datasets, CancellationToken cancellationToken)
    {
        var (file, options) = await ReadImportAsync(request, cancellationToken);
        await using (file.Content)
        {
            return TypedResults.Ok(await datasets.PreviewImportAsync(datasetId, file, options, cancellationToken));
        }
    }

    private static async Task<Ok<ImportResultDto>> ImportAsync(
        Guid datasetId, HttpRequest request, IDatasetsApi datasets, CancellationToken cancellationToken)
    {
        var (file, options) = await ReadImportAsync(request, cancellationToken);
        await using (file.Content)
        {
            return TypedResults.Ok(await datasets.ImportAsync(datasetId, file, options, cancellationToken));
        }
    }

    private static async Task<PushStreamHttpResult> ExportAsync(
        Guid datasetId, [FromQuery] string? format, int? version, IDatasetsApi datasets, HttpContext http, CancellationToken cancellationToken)
    {
        var fileFormat = format?.ToLowerInvariant() switch
        {
            null or "" or "csv" => DatasetFileFormatDto.Csv,
            "jsonl" or "ndjson" => DatasetFileFormatDto.JsonLines,
            "json" => DatasetFileFormatDto.Json,
            _ => throw new ValidationFailedException("Format", "Export as csv, jsonl or json."),
        };

        // Checked before the first byte: once the file streams, a problem can no longer be answered with a status.
        var file = await datasets.PrepareExportAsync(datasetId, fileFormat, version, cancellationToken);
        return TypedResults.Stream(body => datasets.ExportAsync(datasetId, file, body, http.RequestAborted), file.ContentType, file.FileName);
    }

    private static async Task<(ImportFileDto File, ImportOptionsDto Options)> ReadImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException("File", "Send the file as multipart/form-data in a 'file' field, with the options as JSON in an 'options' field.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            throw new ValidationFailedException("File", "Add the file to import in a 'file' field.");
        }

        ImportOptionsDto options;
        try
        {
            options = form["options"].ToString() is { Length: > 0 } json
                ? JsonSerializer.Deserialize<ImportOptionsDto>(json, PortalJson.Options) ?? new ImportOptionsDto()
                : new ImportOptionsDto();
        }
        catch (JsonException e)
        {
            throw new ValidationFailedException("Options", $"The options are not valid JSON: {e.Message}");
        }

        return (new ImportFileDto(file.FileName, file.OpenReadStream()), options);
    }
}
