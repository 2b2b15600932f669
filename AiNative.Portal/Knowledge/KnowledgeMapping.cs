using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Knowledge;

/// <summary>Services' knowledge records to the API contract's DTOs and back.</summary>
internal static class KnowledgeMapping
{
    public static KnowledgeBaseDto ToDto(this KnowledgeBaseSummary b) => new(
        b.Id, b.Name, b.Description, b.EmbeddingModelId, b.EmbeddingModelName, b.Partitioning.ToDto(), b.ActiveGeneration,
        b.IsReindexing, b.ReindexProgress, b.ReindexError, b.DocumentCount, b.ReadyCount, b.FailedCount, b.ChunkCount, b.TokenCount,
        b.CreatedAt, b.UpdatedAt);

    public static PartitioningDto ToDto(this PartitioningSettings p) => new(p.MaxTokensPerChunk, p.OverlapTokens, (SplitterDto)p.Splitter);

    public static PartitioningSettings ToSettings(this PartitioningDto p) =>
        new() { MaxTokensPerChunk = p.MaxTokensPerChunk, OverlapTokens = p.OverlapTokens, Splitter = (SplitterKind)p.Splitter };

    public static KnowledgeBaseInput ToInput(this SaveKnowledgeBaseRequest r) =>
        new(r.Name ?? string.Empty, r.Description, r.EmbeddingModelId, r.Partitioning?.ToSettings());

    public static UploadLimitsDto ToDto(this UploadLimits l) => new(l.MaxFileBytes, l.MaxFilesPerUpload, l.Extensions);

    public static UploadResultDto ToDto(this UploadResult r) =>
        new(r.KnowledgeBaseName, r.KnowledgeBaseId, [.. r.Files.Select(f => new UploadedFileDto(f.FileName, (UploadStatusDto)f.Status, f.DocumentId, f.Message))]);

    public static DocumentDto ToDto(this DocumentSummary d) => new(
        d.Id, d.KnowledgeBaseName, d.KnowledgeBaseId, d.FileName, d.MediaType, d.Size, d.Sha256, d.Tags, (DocumentStatusDto)d.Status, d.Step,
        d.Progress, d.Error, d.ChunkCount, d.TokenCount, d.Status == DocumentStatus.Ready, d.Status == DocumentStatus.Failed,
        d.Steps, d.RemainingSteps, d.CompletedSteps, d.CreatedAt, d.UpdatedAt, d.PageCount);

    public static DocumentQuery ToQuery(this DocumentListQuery q) => new()
    {
        Search = q.Search,
        Status = (DocumentStatus?)q.Status,
        Sort = (DocumentSort)q.Sort,
        Descending = q.Descending,
        Page = q.Page,
        PageSize = q.PageSize,
    };

    public static DocumentPageDto ToDto(this Paged<DocumentSummary> p) => new([.. p.Items.Select(ToDto)], p.Total, p.Page, p.PageSize);

    public static ChunkPageDto ToDto(this Paged<ChunkView> p) => new([.. p.Items.Select(ToDto)], p.Total, p.Page, p.PageSize);

    public static ExtractedTextDto ToDto(this ExtractedText t) => new(
        [.. t.Sections.Items.Select(s => new ExtractedSectionDto(s.Heading, s.Page, s.Paragraphs))],
        t.Sections.Total, t.Sections.Page, t.Sections.PageSize, t.Characters, t.Pages);

    public static PartitioningPreviewDto ToDto(this PartitioningPreview p) => new(
        p.DocumentId, p.FileName, p.Current.ToDto(), p.CurrentChunks, p.CurrentTokens, p.Proposed.ToDto(), p.Chunks, p.Tokens,
        [.. p.FirstChunks.Select((c, i) => new PreviewChunkDto(i, c.Page, c.Heading, c.Text, c.Tokens))]);

    public static DocumentChangeDto ToDto(this DocumentStatusChanged c) =>
        new(c.DocumentId, c.KnowledgeBaseId, (DocumentStatusDto)c.Status, c.Step, c.Progress, c.Error, c.ChunkCount, c.TokenCount, c.Deleted);

    public static SearchRequest ToRequest(this SearchRequestDto r) => RefuseArgs(r.Args, new SearchRequest
    {
        Index = r.Index ?? string.Empty,
        Query = r.Query ?? string.Empty,
        Mode = (SearchMode)r.Mode,
        TopK = r.Limit,
        MinRelevance = r.MinRelevance,
        Tags = r.Tags,
        DocumentIds = r.DocumentIds,
        Filters = r.Filters,
    });

    /// <summary>Kernel Memory's clients send <c>"args": {}</c> with every request; arguments for its own handlers cannot be honoured here.</summary>
    private static T RefuseArgs<T>(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? args, T request) =>
        args is { Count: > 0 }
            ? throw new ValidationFailedException("args",
                $"The portal does not take Kernel Memory's handler arguments ({string.Join(", ", args.Keys.Select(k => $"'{k}'"))}). Send an empty object, or leave 'args' out.")
            : request;

    public static SearchResultDto ToDto(this SearchResults r) => new(
        r.KnowledgeBaseName, r.KnowledgeBaseId, r.Query, (SearchModeDto)r.Mode, r.Hits.Count == 0, r.Message,
        [.. r.Hits.Select(ToDto)], r.Timing.ToDto());

    public static SearchTimingDto ToDto(this SearchTiming t) =>
        new(t.Embedding.TotalMilliseconds, t.Vector.TotalMilliseconds, t.Keyword.TotalMilliseconds, t.Total.TotalMilliseconds);

    public static AskRequest ToRequest(this AskRequestDto r) => RefuseArgs(r.Args, new AskRequest
    {
        Index = r.Index ?? string.Empty,
        Question = r.Question ?? string.Empty,
        ChatModelId = r.ChatModelId,
        Sources = r.Sources,
        MinRelevance = r.MinRelevance,
        Mode = (SearchMode)r.Mode,
        Tags = r.Tags,
        DocumentIds = r.DocumentIds,
        Filters = r.Filters,
    });

    public static AnswerDto ToDto(this Answer a) => new(
        a.KnowledgeBaseName, a.KnowledgeBaseId, a.Question, a.Text, a.NoResult, a.NoResultReason,
        [.. a.Citations.Select(c => new CitationDto(c.Number, c.ChunkId, c.DocumentId, c.DocumentName, c.Page, c.Heading, c.Relevance, c.Text, c.Cited,
            [.. c.Quoted.Select(q => new HighlightDto(q.Start, q.Length))]))],
        a.ModelName, a.Usage?.InputTokens ?? 0, a.Usage?.OutputTokens ?? 0, a.Cost, a.Retrieval.Total.TotalMilliseconds, a.Latency?.TotalMilliseconds, a.TraceId);

    public static ChunkContextDto ToDto(this ChunkContext c) => new([.. c.Before.Select(ToDto)], c.Chunk.ToDto(), [.. c.After.Select(ToDto)]);

    public static ChunkDto ToDto(this ChunkView c) =>
        new(c.Id, c.DocumentId, c.DocumentName, c.KnowledgeBaseId, c.Ordinal, c.Page, c.Heading, c.Text, c.Tokens);

    private static SearchHitDto ToDto(SearchHit h) => new(
        h.ChunkId, h.DocumentId, h.DocumentName, h.Ordinal, h.Text, h.Page, h.Heading, h.Relevance, h.VectorScore, h.KeywordScore, h.FusedScore,
        h.WordsMatched, h.MatchedTerms, [.. h.Highlights.Select(r => new HighlightDto(r.Start, r.Length))], h.Tags);
}
