using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Client.Http.Knowledge;

/// <summary>The knowledge API over HTTP, for the WebAssembly side.</summary>
internal sealed class HttpKnowledgeApi(PortalApiClient api) : IKnowledgeApi
{
    public Task<IReadOnlyList<KnowledgeBaseDto>> ListBasesAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<KnowledgeBaseDto>>(api.TeamPath("knowledge/indexes"), cancellationToken);

    public Task<KnowledgeBaseDto> GetBaseAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<KnowledgeBaseDto>(api.TeamPath($"knowledge/indexes/{id}"), cancellationToken);

    public Task<KnowledgeBaseDto> CreateBaseAsync(SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<KnowledgeBaseDto>(HttpMethod.Post, api.TeamPath("knowledge/indexes"), request, cancellationToken);

    public Task<KnowledgeBaseDto> UpdateBaseAsync(Guid id, SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<KnowledgeBaseDto>(HttpMethod.Put, api.TeamPath($"knowledge/indexes/{id}"), request, cancellationToken);

    public Task DeleteBaseAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, api.TeamPath($"knowledge/indexes/{id}"), null, cancellationToken);

    public Task<UploadLimitsDto> GetUploadLimitsAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<UploadLimitsDto>(api.TeamPath("knowledge/upload-limits"), cancellationToken);

    public async Task<UploadResultDto> UploadAsync(
        string index,
        IReadOnlyList<UploadFileDto> files,
        IReadOnlyDictionary<string, List<string>>? tags = null,
        Guid? documentId = null,
        CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent { { new StringContent(index), "index" } };
        if (documentId is { } id)
        {
            form.Add(new StringContent(id.ToString()), "documentId");
        }

        foreach (var (key, values) in tags ?? new Dictionary<string, List<string>>())
        {
            foreach (var value in values)
            {
                form.Add(new StringContent($"{key}={value}"), "tags");
            }
        }

        foreach (var file in files)
        {
            var content = new StreamContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", file.FileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, api.TeamPath("knowledge/upload")) { Content = form };
        using var response = await api.SendAsync(request, cancellationToken);
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<UploadResultDto>(response.Content, PortalJson.Options, cancellationToken)
            ?? throw new ApiException(new ApiProblem(500, "The portal sent an empty answer"));
    }

    public Task<IReadOnlyList<DocumentDto>> ListDocumentsAsync(string index, CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<DocumentDto>>(api.TeamPath($"knowledge/documents?index={Uri.EscapeDataString(index)}"), cancellationToken);

    public Task<DocumentPageDto> QueryDocumentsAsync(string index, DocumentListQuery query, CancellationToken cancellationToken = default)
    {
        var path = $"knowledge/documents/page?index={Uri.EscapeDataString(index)}&sort={query.Sort}&descending={query.Descending}"
            + $"&page={query.Page}&pageSize={query.PageSize}";
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            path += $"&search={Uri.EscapeDataString(query.Search)}";
        }

        if (query.Status is { } status)
        {
            path += $"&status={status}";
        }

        return api.GetAsync<DocumentPageDto>(api.TeamPath(path), cancellationToken);
    }

    public Task<ChunkPageDto> ListChunksAsync(string index, Guid documentId, int page = 1, int pageSize = ChunkPageDto.DefaultPageSize, CancellationToken cancellationToken = default) =>
        api.GetAsync<ChunkPageDto>($"{DocumentPath("knowledge/documents/chunks", index, documentId)}&page={page}&pageSize={pageSize}", cancellationToken);

    public Task<ExtractedTextDto> GetExtractedTextAsync(
        string index, Guid documentId, int page = 1, int pageSize = ExtractedTextDto.DefaultPageSize, CancellationToken cancellationToken = default) =>
        api.GetAsync<ExtractedTextDto>($"{DocumentPath("knowledge/documents/text", index, documentId)}&page={page}&pageSize={pageSize}", cancellationToken);

    public Task<PartitioningPreviewDto> PreviewPartitioningAsync(Guid id, PartitioningPreviewRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<PartitioningPreviewDto>(HttpMethod.Post, api.TeamPath($"knowledge/indexes/{id}/partitioning-preview"), request, cancellationToken);

    public Task<DocumentDto> GetDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        api.GetAsync<DocumentDto>(DocumentPath("knowledge/upload-status", index, documentId), cancellationToken);

    public Task<DocumentDto> SetTagsAsync(string index, Guid documentId, IReadOnlyDictionary<string, List<string>> tags, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<DocumentDto>(HttpMethod.Put, DocumentPath("knowledge/documents/tags", index, documentId), new SetTagsRequest(tags), cancellationToken);

    public Task<DocumentDto> RetryAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<DocumentDto>(HttpMethod.Post, DocumentPath("knowledge/documents/retry", index, documentId), null, cancellationToken);

    public Task<DocumentDto> ReingestAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<DocumentDto>(HttpMethod.Post, DocumentPath("knowledge/documents/reingest", index, documentId), null, cancellationToken);

    public Task DeleteDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, DocumentPath("knowledge/documents", index, documentId), null, cancellationToken);

    public async IAsyncEnumerable<DocumentChangeDto> WatchDocumentsAsync(string index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, api.TeamPath($"knowledge/documents/events?index={Uri.EscapeDataString(index)}"));
        using var response = await api.SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<DocumentChangeDto>(data, PortalJson.Options))
            .EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } change)
            {
                yield return change;
            }
        }
    }

    public Task<SearchResultDto> SearchAsync(SearchRequestDto request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<SearchResultDto>(HttpMethod.Post, api.TeamPath("knowledge/search"), request, cancellationToken);

    public Task<AnswerDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<AnswerDto>(HttpMethod.Post, api.TeamPath("knowledge/ask"), request, cancellationToken);

    public Task<ChunkDto> GetChunkAsync(long chunkId, CancellationToken cancellationToken = default) =>
        api.GetAsync<ChunkDto>(api.TeamPath($"knowledge/chunks/{chunkId}"), cancellationToken);

    public Task<ChunkContextDto> GetChunkContextAsync(long chunkId, int before = 1, int after = 1, CancellationToken cancellationToken = default) =>
        api.GetAsync<ChunkContextDto>(api.TeamPath($"knowledge/chunks/{chunkId}/context?before={before}&after={after}"), cancellationToken);

    private string DocumentPath(string relative, string index, Guid documentId) =>
        api.TeamPath($"{relative}?index={Uri.EscapeDataString(index)}&documentId={documentId}");
}
