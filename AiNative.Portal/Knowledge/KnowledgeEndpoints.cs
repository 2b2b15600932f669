using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Platform;
using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Knowledge;

/// <summary>
/// The knowledge API under <c>/api/teams/{teamId}/knowledge</c>, shaped like Kernel Memory's web
/// service: <c>upload</c>, <c>upload-status</c>, <c>documents</c>, <c>search</c>, <c>ask</c>, with
/// a base named by <c>index</c>; plus the bases themselves and live document status.
/// </summary>
public static class KnowledgeEndpoints
{
    /// <summary>Room for the multipart framing around the files.</summary>
    private const long MultipartOverhead = 1024 * 1024;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder endpoints)
    {
        var knowledge = endpoints.MapTeamGroup("knowledge", "Knowledge");
        knowledge.MapGet("indexes", ListBasesAsync).WithName("ListKnowledgeBases").WithSummary("List the team's knowledge bases");
        knowledge.MapPost("indexes", CreateBaseAsync).WithName("CreateKnowledgeBase").WithSummary("Create a knowledge base");
        knowledge.MapGet("indexes/{id:guid}", GetBaseAsync).WithName("GetKnowledgeBase").WithSummary("A knowledge base with its index state and counts");
        knowledge.MapPut("indexes/{id:guid}", UpdateBaseAsync).WithName("UpdateKnowledgeBase")
            .WithSummary("Rename a base or change its embedding model or partitioning (which re-indexes it in the background)");
        knowledge.MapDelete("indexes/{id:guid}", DeleteBaseAsync).WithName("DeleteKnowledgeBase")
            .WithSummary("Delete a base with its documents, chunks, vectors and unused files");
        knowledge.MapPost("indexes/{id:guid}/partitioning-preview", PreviewPartitioningAsync).WithName("PreviewPartitioning")
            .WithSummary("The chunks a partitioning would make of one document of the base (the newest ready one unless documentId is given), beside the current counts; nothing changes");

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var requestLimit = (options.MaxUploadBytes * options.MaxFilesPerUpload) + MultipartOverhead;

        // Multipart posts skip the antiforgery token check: cookie-authenticated API calls are
        // guarded by the SameSite=Lax session cookie and the API's X-AiNative-Client header rule.
        knowledge.MapGet("upload-limits", GetUploadLimitsAsync).WithName("GetUploadLimits")
            .WithSummary("The largest file, the files per upload and the file types an upload may hold");
        knowledge.MapPost("upload", UploadAsync).WithName("UploadDocuments")
            .WithSummary("Upload files (multipart: index, optional documentId, tags as key=value, files); each file is accepted, a duplicate, or rejected with a reason. "
                + "A documentId names a document of this base only, as in Kernel Memory's indexes: a new one takes it, an existing one is replaced (its file and tags) and ingested again")
            .AddOpenApiOperationTransformer(UploadRequestBody.DescribeAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit);
        knowledge.MapGet("documents", ListDocumentsAsync).WithName("ListDocuments").WithSummary("The documents of a base with their status");
        knowledge.MapGet("documents/page", QueryDocumentsAsync).WithName("QueryDocuments")
            .WithSummary("A page of a base's documents: search (in the name, the id or a tag value), status, sort (added, name, size, chunks), page from 1");
        knowledge.MapGet("documents/chunks", ListChunksAsync).WithName("ListDocumentChunks")
            .WithSummary("A page of a document's searchable chunks in order, with their pages and headings");
        knowledge.MapGet("documents/text", GetExtractedTextAsync).WithName("GetDocumentText")
            .WithSummary("A page of a document's text as extraction read it: sections by heading or page, with their paragraphs");
        knowledge.MapGet("upload-status", GetDocumentAsync).WithName("GetUploadStatus").WithSummary("A document's ingestion status: step, progress, counts, error");
        knowledge.MapDelete("documents", DeleteDocumentAsync).WithName("DeleteDocument")
            .WithSummary("Delete a document with its chunks, vectors and (when unused elsewhere) its file");
        knowledge.MapPut("documents/tags", SetTagsAsync).WithName("SetDocumentTags").WithSummary("Replace a document's tags");
        knowledge.MapPost("documents/retry", RetryAsync).WithName("RetryDocument").WithSummary("Queue a failed document again from the step that failed");
        knowledge.MapPost("documents/reingest", ReingestAsync).WithName("ReingestDocument").WithSummary("Run a document's whole pipeline again");
        knowledge.MapGet("documents/events", WatchDocumentsAsync).WithName("WatchDocuments")
            .WithSummary("Server-sent events: each status change of the base's documents as it happens");
        knowledge.MapPost("search", SearchAsync).WithName("SearchKnowledge")
            .WithSummary("Search a base (hybrid, vector or keyword) with tag and document filters, Kernel Memory's filters "
                + "(a list of tag filters: every tag of one, any one of them), minimum relevance and top-k; a field the API does not know is refused")
            .RequireTeamRole(Services.Teams.TeamRole.Viewer);
        knowledge.MapPost("ask", AskAsync).WithName("AskKnowledge")
            .WithSummary("Answer a question from a base with numbered citations, or say that nothing relevant was found")
            .RequireTeamRole(Services.Teams.TeamRole.Viewer);
        knowledge.MapGet("chunks/{chunkId:long}", GetChunkAsync).WithName("GetChunk").WithSummary("One chunk, as a citation opens it");
        knowledge.MapGet("chunks/{chunkId:long}/context", GetChunkContextAsync).WithName("GetChunkContext")
            .WithSummary("A chunk with up to 'before' and 'after' (0 to 5, 1 by default) of its neighbours in its document: the text around a citation");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<KnowledgeBaseDto>>> ListBasesAsync(IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.ListBasesAsync(cancellationToken));

    private static async Task<Created<KnowledgeBaseDto>> CreateBaseAsync(SaveKnowledgeBaseRequest request, IKnowledgeApi knowledge, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await knowledge.CreateBaseAsync(request, cancellationToken);
        return TypedResults.Created($"{http.Request.Path}/{created.Id}", created);
    }

    private static async Task<Ok<KnowledgeBaseDto>> GetBaseAsync(Guid id, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.GetBaseAsync(id, cancellationToken));

    private static async Task<Ok<KnowledgeBaseDto>> UpdateBaseAsync(Guid id, SaveKnowledgeBaseRequest request, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.UpdateBaseAsync(id, request, cancellationToken));

    private static async Task<NoContent> DeleteBaseAsync(Guid id, IKnowledgeApi knowledge, CancellationToken cancellationToken)
    {
        await knowledge.DeleteBaseAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UploadLimitsDto>> GetUploadLimitsAsync(IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.GetUploadLimitsAsync(cancellationToken));

    private static async Task<Results<Accepted<UploadResultDto>, Ok<UploadResultDto>>> UploadAsync(
        HttpRequest request,
        IKnowledgeApi knowledge,
        CancellationToken cancellationToken)
    {
        var form = await UploadForm.ReadAsync(request, cancellationToken);
        var documentId = form["documentId"].ToString() is { Length: > 0 } id
            ? Guid.TryParse(id, out var parsed) ? parsed : throw new ValidationFailedException("DocumentId", "The document id must be a GUID.")
            : (Guid?)null;
        var tags = DocumentTags.Parse(form["tags"].Select(t => t ?? string.Empty));
        var files = form.Files.Select(f => new UploadFileDto(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var result = await knowledge.UploadAsync(form["index"].ToString(), files, tags, documentId, cancellationToken);
            return result.Files.Any(f => f.Status == UploadStatusDto.Accepted)
                ? TypedResults.Accepted($"{request.PathBase}{request.Path.Value![..^"upload".Length]}documents?index={Uri.EscapeDataString(result.Index)}", result)
                : TypedResults.Ok(result);
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> ListDocumentsAsync([FromQuery] string index, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.ListDocumentsAsync(index, cancellationToken));

    private static async Task<Ok<DocumentPageDto>> QueryDocumentsAsync(
        [FromQuery] string index,
        IKnowledgeApi knowledge,
        CancellationToken cancellationToken,
        string? search = null,
        DocumentStatusDto? status = null,
        DocumentSortDto sort = DocumentSortDto.Added,
        bool descending = true,
        int page = 1,
        int pageSize = DocumentListQuery.DefaultPageSize) =>
        TypedResults.Ok(await knowledge.QueryDocumentsAsync(index, new DocumentListQuery(search, status, sort, descending, page, pageSize), cancellationToken));

    private static async Task<Ok<ChunkPageDto>> ListChunksAsync(
        [FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken,
        int page = 1, int pageSize = ChunkPageDto.DefaultPageSize) =>
        TypedResults.Ok(await knowledge.ListChunksAsync(index, documentId, page, pageSize, cancellationToken));

    private static async Task<Ok<ExtractedTextDto>> GetExtractedTextAsync(
        [FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken,
        int page = 1, int pageSize = ExtractedTextDto.DefaultPageSize) =>
        TypedResults.Ok(await knowledge.GetExtractedTextAsync(index, documentId, page, pageSize, cancellationToken));

    private static async Task<Ok<PartitioningPreviewDto>> PreviewPartitioningAsync(
        Guid id, PartitioningPreviewRequest request, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.PreviewPartitioningAsync(id, request, cancellationToken));

    private static async Task<Ok<DocumentDto>> GetDocumentAsync([FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.GetDocumentAsync(index, documentId, cancellationToken));

    private static async Task<NoContent> DeleteDocumentAsync([FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken)
    {
        await knowledge.DeleteDocumentAsync(index, documentId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DocumentDto>> SetTagsAsync(
        [FromQuery] string index, [FromQuery] Guid documentId, SetTagsRequest request, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.SetTagsAsync(index, documentId, request.Tags, cancellationToken));

    private static async Task<Ok<DocumentDto>> RetryAsync([FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.RetryAsync(index, documentId, cancellationToken));

    private static async Task<Ok<DocumentDto>> ReingestAsync([FromQuery] string index, [FromQuery] Guid documentId, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.ReingestAsync(index, documentId, cancellationToken));

    private static async Task<ServerSentEventsResult<DocumentChangeDto>> WatchDocumentsAsync(
        [FromQuery] string index, IKnowledgeApi knowledge, CancellationToken cancellationToken)
    {
        // Once events stream the status is sent; an unknown base must answer 404 before that.
        await knowledge.ListDocumentsAsync(index, cancellationToken);
        return TypedResults.ServerSentEvents(knowledge.WatchDocumentsAsync(index, cancellationToken), eventType: "document");
    }

    private static async Task<Ok<SearchResultDto>> SearchAsync(SearchRequestDto request, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.SearchAsync(request, cancellationToken));

    private static async Task<Ok<AnswerDto>> AskAsync(AskRequestDto request, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.AskAsync(request, cancellationToken));

    private static async Task<Ok<ChunkContextDto>> GetChunkContextAsync(
        long chunkId, IKnowledgeApi knowledge, CancellationToken cancellationToken, int before = 1, int after = 1) =>
        TypedResults.Ok(await knowledge.GetChunkContextAsync(chunkId, before, after, cancellationToken));

    private static async Task<Ok<ChunkDto>> GetChunkAsync(long chunkId, IKnowledgeApi knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok(await knowledge.GetChunkAsync(chunkId, cancellationToken));
}
