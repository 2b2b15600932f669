using System.Runtime.CompilerServices;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Platform;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Teams;

namespace AiNative.Portal.Knowledge;

/// <summary>The in-process knowledge API over the services, for server-rendered pages and the HTTP endpoints.</summary>
internal sealed class PortalKnowledgeApi(
    KnowledgeBases bases,
    KnowledgeDocuments documents,
    DocumentInspection inspection,
    DocumentUploads uploads,
    KnowledgeSearch search,
    KnowledgeAnswers answers,
    KnowledgeEvents events,
    TeamContext team) : IKnowledgeApi
{
    public Task<IReadOnlyList<KnowledgeBaseDto>> ListBasesAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<KnowledgeBaseDto>>(async () => [.. (await bases.ListAsync(cancellationToken)).Select(b => b.ToDto())]);

    public Task<KnowledgeBaseDto> GetBaseAsync(Guid id, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await bases.GetAsync(id, cancellationToken)).ToDto());

    public Task<KnowledgeBaseDto> CreateBaseAsync(SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await bases.CreateAsync(request.ToInput(), cancellationToken)).ToDto());

    public Task<KnowledgeBaseDto> UpdateBaseAsync(Guid id, SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await bases.UpdateAsync(id, request.ToInput(), cancellationToken)).ToDto());

    public Task DeleteBaseAsync(Guid id, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => bases.DeleteAsync(id, cancellationToken));

    public Task<UploadLimitsDto> GetUploadLimitsAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => Task.FromResult(uploads.Limits().ToDto()));

    public Task<UploadResultDto> UploadAsync(
        string index,
        IReadOnlyList<UploadFileDto> files,
        IReadOnlyDictionary<string, List<string>>? tags = null,
        Guid? documentId = null,
        CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await uploads.UploadAsync(
            index, [.. files.Select(f => new UploadFile(f.FileName, f.Content))], tags, documentId, cancellationToken)).ToDto());

    public Task<IReadOnlyList<DocumentDto>> ListDocumentsAsync(string index, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<DocumentDto>>(async () => [.. (await documents.ListAsync(index, cancellationToken)).Select(d => d.ToDto())]);

    public Task<DocumentPageDto> QueryDocumentsAsync(string index, DocumentListQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await documents.QueryAsync(index, query.ToQuery(), cancellationToken)).ToDto());

    public Task<ChunkPageDto> ListChunksAsync(string index, Guid documentId, int page = 1, int pageSize = ChunkPageDto.DefaultPageSize, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await inspection.ChunksAsync(index, documentId, page, pageSize, cancellationToken)).ToDto());

    public Task<ExtractedTextDto> GetExtractedTextAsync(
        string index, Guid documentId, int page = 1, int pageSize = ExtractedTextDto.DefaultPageSize, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await inspection.TextAsync(index, documentId, page, pageSize, cancellationToken)).ToDto());

    public Task<PartitioningPreviewDto> PreviewPartitioningAsync(Guid id, PartitioningPreviewRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await inspection.PreviewAsync(
            id,
            request.Partitioning?.ToSettings(),
            request.DocumentId,
            request.Take,
            cancellationToken)).ToDto());

    public Task<DocumentDto> GetDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await documents.GetAsync(index, documentId, cancellationToken)).ToDto());

    public Task<DocumentDto> SetTagsAsync(string index, Guid documentId, IReadOnlyDictionary<string, List<string>> tags, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await documents.SetTagsAsync(index, documentId, tags, cancellationToken)).ToDto());

    public Task<DocumentDto> RetryAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await documents.RetryAsync(index, documentId, cancellationToken)).ToDto());

    public Task<DocumentDto> ReingestAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await documents.ReingestAsync(index, documentId, cancellationToken)).ToDto());

    public Task DeleteDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => documents.DeleteAsync(index, documentId, cancellationToken));

    public async IAsyncEnumerable<DocumentChangeDto> WatchDocumentsAsync(string index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var knowledgeBase = await ServerApi.CallAsync(() => bases.FindAsync(index, cancellationToken));
        await foreach (var change in events.WatchAsync(team.TeamId, knowledgeBase.Id, cancellationToken))
        {
            yield return change.ToDto();
        }
    }

    public Task<SearchResultDto> SearchAsync(SearchRequestDto request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await search.SearchAsync(request.ToRequest(), cancellationToken)).ToDto());

    public Task<AnswerDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await answers.AskAsync(request.ToRequest(), cancellationToken)).ToDto());

    public Task<ChunkDto> GetChunkAsync(long chunkId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await search.ChunkAsync(chunkId, cancellationToken)).ToDto());

    public Task<ChunkContextDto> GetChunkContextAsync(long chunkId, int before = 1, int after = 1, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await inspection.ContextAsync(chunkId, before, after, cancellationToken)).ToDto());
}
