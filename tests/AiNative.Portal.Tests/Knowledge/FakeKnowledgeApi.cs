using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Tests.Knowledge;

/// <summary>One knowledge base in memory for component tests: it records what pages send and lets a test push live status changes.</summary>
internal sealed class FakeKnowledgeApi : IKnowledgeApi
{
    /// <summary>The team's bases; the first is the one the pages work on.</summary>
    public List<KnowledgeBaseDto> Bases { get; } = [KnowledgeSamples.Base()];

    public KnowledgeBaseDto Base
    {
        get => Bases[0];
        set => Bases[0] = value;
    }

    public List<DocumentDto> Documents { get; } = [];

    public UploadLimitsDto Limits { get; set; } = new(1024 * 1024, 20, [".md", ".txt", ".pdf", ".docx"]);

    /// <summary>The outcome of each uploaded file from its name and bytes; accepts by default.</summary>
    public Func<string, byte[], UploadedFileDto> Outcome { get; set; } =
        (name, _) => new UploadedFileDto(name, UploadStatusDto.Accepted, Guid.CreateVersion7(), null);

    public Func<SearchRequestDto, SearchResultDto> Search { get; set; } = request => KnowledgeSamples.Result(request, []);

    public Func<AskRequestDto, AnswerDto> Answer { get; set; } = request => KnowledgeSamples.NoAnswer(request.Question);

    public Dictionary<long, ChunkDto> Chunks { get; } = [];

    /// <summary>The names of the files whose bytes reached the API, in order.</summary>
    public List<string> Uploaded { get; } = [];

    public List<Guid> Retried { get; } = [];

    /// <summary>The document queries pages sent, in order.</summary>
    public List<DocumentListQuery> Queries { get; } = [];

    /// <summary>Each document's chunks, in order.</summary>
    public Dictionary<Guid, List<ChunkDto>> DocumentChunks { get; } = [];

    /// <summary>Each document's extracted text.</summary>
    public Dictionary<Guid, ExtractedTextDto> Texts { get; } = [];

    public Func<Guid, PartitioningPreviewRequest, PartitioningPreviewDto> Preview { get; set; } =
        (_, _) => throw new ApiException(new ApiProblem(409, "Conflict", "The base has no ready document to preview the partitioning with."));

    public List<PartitioningPreviewRequest> Previews { get; } = [];

    public Channel<DocumentChangeDto> Changes { get; } = Channel.CreateUnbounded<DocumentChangeDto>();

    public Task<IReadOnlyList<KnowledgeBaseDto>> ListBasesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnowledgeBaseDto>>([.. Bases]);

    public Task<KnowledgeBaseDto> GetBaseAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(Base);

    public Task<KnowledgeBaseDto> CreateBaseAsync(SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<KnowledgeBaseDto> UpdateBaseAsync(Guid id, SaveKnowledgeBaseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteBaseAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<UploadLimitsDto> GetUploadLimitsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Limits);

    public async Task<UploadResultDto> UploadAsync(
        string index,
        IReadOnlyList<UploadFileDto> files,
        IReadOnlyDictionary<string, List<string>>? tags = null,
        Guid? documentId = null,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new List<UploadedFileDto>();
        foreach (var file in files)
        {
            using var bytes = new MemoryStream();
            await file.Content.CopyToAsync(bytes, cancellationToken);
            Uploaded.Add(file.FileName);
            var outcome = Outcome(file.FileName, bytes.ToArray());
            if (outcome is { Status: UploadStatusDto.Accepted, DocumentId: { } id })
            {
                Documents.Add(KnowledgeSamples.Document(file.FileName, DocumentStatusDto.Queued) with { DocumentId = id, Tags = Copy(tags) });
            }

            outcomes.Add(outcome);
        }

        return new UploadResultDto(Base.Name, Base.Id, outcomes);
    }

    public Task<IReadOnlyList<DocumentDto>> ListDocumentsAsync(string index, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentDto>>([.. Documents]);

    public Task<DocumentPageDto> QueryDocumentsAsync(string index, DocumentListQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        IEnumerable<DocumentDto> matching = Documents.Where(d =>
            (string.IsNullOrWhiteSpace(query.Search) || d.FileName.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            && (query.Status is null || d.Status == query.Status));
        matching = query.Sort switch
        {
            DocumentSortDto.Name => query.Descending ? matching.OrderByDescending(d => d.FileName) : matching.OrderBy(d => d.FileName),
            _ => query.Descending ? matching.OrderByDescending(d => d.Creation) : matching.OrderBy(d => d.Creation),
        };
        var all = matching.ToList();
        return Task.FromResult(new DocumentPageDto([.. all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], all.Count, query.Page, query.PageSize));
    }

    public Task<ChunkPageDto> ListChunksAsync(string index, Guid documentId, int page = 1, int pageSize = ChunkPageDto.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var chunks = DocumentChunks.GetValueOrDefault(documentId) ?? [];
        return Task.FromResult(new ChunkPageDto([.. chunks.Skip((page - 1) * pageSize).Take(pageSize)], chunks.Count, page, pageSize));
    }

    public Task<ExtractedTextDto> GetExtractedTextAsync(
        string index, Guid documentId, int page = 1, int pageSize = ExtractedTextDto.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Task.FromResult(Texts.TryGetValue(documentId, out var text)
            ? text with { Sections = [.. text.Sections.Skip((page - 1) * pageSize).Take(pageSize)], Page = page, PageSize = pageSize }
            : throw new ApiException(new ApiProblem(409, "Conflict", "The document is being ingested; its text shows once it has been extracted.")));

    public Task<PartitioningPreviewDto> PreviewPartitioningAsync(Guid id, PartitioningPreviewRequest request, CancellationToken cancellationToken = default)
    {
        Previews.Add(request);
        return Task.FromResult(Preview(id, request));
    }

    public Task<DocumentDto> GetDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Documents.FirstOrDefault(d => d.DocumentId == documentId)
            ?? throw new ApiException(new ApiProblem(404, "Not found", $"Document {documentId} was not found.")));

    public Task<DocumentDto> SetTagsAsync(string index, Guid documentId, IReadOnlyDictionary<string, List<string>> tags, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DocumentDto> RetryAsync(string index, Guid documentId, CancellationToken cancellationToken = default)
    {
        Retried.Add(documentId);
        var retried = Documents.Single(d => d.DocumentId == documentId) with { Status = DocumentStatusDto.Queued, Error = null, Failed = false };
        Documents[Documents.FindIndex(d => d.DocumentId == documentId)] = retried;
        return Task.FromResult(retried);
    }

    public Task<DocumentDto> ReingestAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteDocumentAsync(string index, Guid documentId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<DocumentChangeDto> WatchDocumentsAsync(string index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var change in Changes.Reader.ReadAllAsync(cancellationToken))
        {
            yield return change;
        }
    }

    public Task<SearchResultDto> SearchAsync(SearchRequestDto request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request));

    public Task<AnswerDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken = default) => Task.FromResult(Answer(request));

    public Task<ChunkDto> GetChunkAsync(long chunkId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Chunks.TryGetValue(chunkId, out var chunk)
            ? chunk
            : throw new ApiException(new ApiProblem(404, "Not found", $"Chunk {chunkId} was not found.")));

    public Task<ChunkContextDto> GetChunkContextAsync(long chunkId, int before = 1, int after = 1, CancellationToken cancellationToken = default)
    {
        var chunk = Chunks.TryGetValue(chunkId, out var found) ? found : throw new ApiException(new ApiProblem(404, "Not found", $"Chunk {chunkId} was not found."));
        var siblings = Chunks.Values.Where(c => c.DocumentId == chunk.DocumentId).OrderBy(c => c.PartitionNumber).ToList();
        return Task.FromResult(new ChunkContextDto(
            [.. siblings.Where(c => c.PartitionNumber >= chunk.PartitionNumber - before && c.PartitionNumber < chunk.PartitionNumber)],
            chunk,
            [.. siblings.Where(c => c.PartitionNumber > chunk.PartitionNumber && c.PartitionNumber <= chunk.PartitionNumber + after)]));
    }

    private static Dictionary<string, List<string>> Copy(IReadOnlyDictionary<string, List<string>>? tags) =>
        tags?.ToDictionary(t => t.Key, t => t.Value.ToList()) ?? [];
}
