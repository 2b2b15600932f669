namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// Knowledge bases of the current team: their documents, ingestion status, search and grounded
/// answers. A base is named by its <c>index</c> (name or id), as in Kernel Memory's API.
/// </summary>
public interface IKnowledgeApi
{
    Task<IReadOnlyList<KnowledgeBaseDto>> ListBasesAsync(CancellationToken cancellationToken = default);

    Task<KnowledgeBaseDto> GetBaseAsync(Guid id, CancellationToken cancellationToken = default);

    Task<KnowledgeBaseDto> CreateBaseAsync(SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames or changes settings; a new embedding model or partitioning re-indexes in the background.</summary>
    Task<KnowledgeBaseDto> UpdateBaseAsync(Guid id, SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default);

    Task DeleteBaseAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The size, count and type limits of uploads, so a page can say them before a file is sent.</summary>
    Task<UploadLimitsDto> GetUploadLimitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Uploads files; each is accepted, recognised as a duplicate, or rejected with a reason, on its own.</summary>
    Task<UploadResultDto> UploadAsync(
        string index,
        IReadOnlyList<UploadFileDto> files,
        IReadOnlyDictionary<string, List<string>>? tags = null,
        Guid? documentId = null,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentDto>> ListDocumentsAsync(string index, CancellationToken cancellationToken = default);

    /// <summary>A page of the base's documents, searched (name, id, tag value), filtered by status and sorted on the server.</summary>
    Task<DocumentPageDto> QueryDocumentsAsync(string index, DocumentListQuery query, CancellationToken cancellationToken = default);

    /// <summary>A page of a document's searchable chunks, in order, with their pages and headings.</summary>
    Task<ChunkPageDto> ListChunksAsync(string index, Guid documentId, int page = 1, int pageSize = ChunkPageDto.DefaultPageSize, CancellationToken cancellationToken = default);

    /// <summary>A page of a document's text as extraction read it (sections by heading or page).</summary>
    Task<ExtractedTextDto> GetExtractedTextAsync(
        string index, Guid documentId, int page = 1, int pageSize = ExtractedTextDto.DefaultPageSize, CancellationToken cancellationToken = default);

    /// <summary>The chunks a partitioning would make of one document, without changing anything: shown before the base's partitioning is changed.</summary>
    Task<PartitioningPreviewDto> PreviewPartitioningAsync(Guid id, PartitioningPreviewRequest request, CancellationToken cancellationToken = default);

    /// <summary>A document's ingestion status (Kernel Memory's upload status).</summary>
    Task<DocumentDto> GetDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default);

    Task<DocumentDto> SetTagsAsync(string index, Guid documentId, IReadOnlyDictionary<string, List<string>> tags, CancellationToken cancellationToken = default);

    /// <summary>Queues a failed document again, from the step that failed.</summary>
    Task<DocumentDto> RetryAsync(string index, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Runs the whole pipeline again; the current chunks answer until the new ones are saved.</summary>
    Task<DocumentDto> ReingestAsync(string index, Guid documentId, CancellationToken cancellationToken = default);

    Task DeleteDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Document status changes of a base as they happen, until cancelled.</summary>
    IAsyncEnumerable<DocumentChangeDto> WatchDocumentsAsync(string index, CancellationToken cancellationToken = default);

    Task<SearchResultDto> SearchAsync(SearchRequestDto request, CancellationToken cancellationToken = default);

    Task<AnswerDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken = default);

    /// <summary>One chunk, as a citation opens it.</summary>
    Task<ChunkDto> GetChunkAsync(long chunkId, CancellationToken cancellationToken = default);

    /// <summary>A chunk with up to <paramref name="before"/> and <paramref name="after"/> of its neighbours: the text around a citation.</summary>
    Task<ChunkContextDto> GetChunkContextAsync(long chunkId, int before = 1, int after = 1, CancellationToken cancellationToken = default);
}
