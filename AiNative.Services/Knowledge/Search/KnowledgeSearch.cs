using System.Globalization;
using System.Text.Json;
using AiNative.Services.Data;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Searches a base's active index: exact vector top-k over the in-memory segment, the database's
/// keyword index (<see cref="KeywordSearch"/>), or both fused by reciprocal rank fusion (the
/// default). Also the retrieval step of answers and of the playground.
/// </summary>
public sealed class KnowledgeSearch(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    ModelInvoker invoker,
    VectorIndex vectors,
    TraceRecorder recorder,
    TimeProvider clock)
{
    private const string SearchName = ObservationNames.Search;

    private const int MinCandidates = 40;
    private const int CandidatesPerHit = 4;

    /// <summary>Searches, recorded as a trace of its own (source knowledge, named "search").</summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        Validate(request);
        return await recorder.RecordAsync(TraceSource.Knowledge, SearchName, async trace =>
        {
            trace.SetInput(JsonSerializer.Serialize(new { request.Index, request.Query, request.Mode, request.TopK, request.MinRelevance }, TraceJson.Options));
            var results = await SearchAsync(request, new SearchTracing(trace, null, SearchName), cancellationToken);
            trace.Trace.Metadata["ainative.retrieval.hits"] = results.Hits.Count.ToString(CultureInfo.InvariantCulture);
            return results;
        }, cancellationToken);
    }

    /// <summary>Searches as a step of other work (an answer, a prompt run), recorded as a retrieval observation of its trace.</summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, SearchTracing tracing, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        Validate(request);
        var retrieval = tracing.Trace.Start(ObservationType.Retrieval, tracing.Name, tracing.ParentId).SetInput(request.Query);
        var status = TraceStatus.Failed;
        try
        {
            var results = await SearchCoreAsync(request, tracing.Trace, retrieval.Id, cancellationToken);
            SearchObservations.Record(retrieval, request, results);
            status = TraceStatus.Succeeded;
            return results;
        }
        catch (OperationCanceledException)
        {
            status = TraceStatus.Cancelled;
            throw;
        }
        finally
        {
            await retrieval.EndAsync(status);
        }
    }

    private static void Validate(SearchRequest request) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Query), "Query", "Enter a query: the search text is empty.")
            .Require(request.Query.Length <= SearchRequest.MaxQueryLength, "Query", $"The query must be at most {SearchRequest.MaxQueryLength:N0} characters.")
            .Require(request.TopK is >= 1 and <= SearchRequest.MaxTopK, "TopK", $"Top-k must be between 1 and {SearchRequest.MaxTopK}.")
            .Require(request.MinRelevance is >= 0 and <= 1, "MinRelevance", "Minimum relevance must be between 0 and 1.")
            .Require(Enum.IsDefined(request.Mode), "Mode", "Choose the hybrid, vector or keyword mode.")
            .Require(request.Filters is null || request.Filters.Count <= SearchRequest.MaxFilters, "Filters", $"Use at most {SearchRequest.MaxFilters} filters.")
            .ThrowIfInvalid();

    private async Task<SearchResults> SearchCoreAsync(SearchRequest request, ActiveTrace trace, Guid retrievalId, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await KnowledgeBases.FindAsync(db, request.Index, cancellationToken);
        var allowed = await FilterAsync(db, knowledgeBase.Id, request, cancellationToken);
        if (allowed is { Count: 0 })
        {
            return Empty(knowledgeBase, request, $"The filter matched no documents in '{knowledgeBase.Name}'. Check the tags and document ids.", started);
        }

        var candidates = Math.Max(MinCandidates, request.TopK * CandidatesPerHit);
        var terms = QueryTerms.From(request.Query);
        var embedding = TimeSpan.Zero;
        var vectorTime = TimeSpan.Zero;
        var keywordTime = TimeSpan.Zero;
        float[]? query = null;
        VectorSegment? segment = null;
        var vectorHits = new List<(long ChunkId, Guid DocumentId, float Score)>();
        if (request.Mode != SearchMode.Keyword)
        {
            var embedStarted = clock.GetTimestamp();
            var embedded = await invoker.EmbedAsync(
                new EmbeddingInvocation
                {
                    ModelId = knowledgeBase.ActiveEmbeddingModelId,
                    Texts = [request.Query],
                    Source = trace.Trace.Source,
                    Trace = trace,
                    ParentId = retrievalId,
                },
                cancellationToken);
            query = VectorMath.Normalized(embedded.Vectors[0].Span);
            embedding = clock.GetElapsedTime(embedStarted);
            var scanStarted = clock.GetTimestamp();
            segment = await vectors.GetAsync(
                knowledgeBase.Id, knowledgeBase.ActiveGeneration, new VectorSegmentReader(dbFactory, query.Length), cancellationToken);
            vectorHits = segment.Search(query, candidates, allowed);
            vectorTime = clock.GetElapsedTime(scanStarted);
        }

        var keywordHits = new List<KeywordMatch>();
        if (request.Mode != SearchMode.Vector)
        {
            var keywordStarted = clock.GetTimestamp();
            keywordHits = await KeywordSearch.SearchAsync(db, knowledgeBase.Id, knowledgeBase.ActiveGeneration, terms, candidates, allowed, cancellationToken);
            keywordTime = clock.GetElapsedTime(keywordStarted);
        }

        var ranked = Rank(request, vectorHits, keywordHits, segment, query);
        var hits = await DescribeAsync(db, ranked, terms, cancellationToken);
        return new SearchResults(knowledgeBase.Id, knowledgeBase.Name, request.Query, request.Mode, hits, null,
            new SearchTiming(embedding, vectorTime, keywordTime, clock.GetElapsedTime(started)));
    }

    public async Task<ChunkView> ChunkAsync(long chunkId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KnowledgeChunks.AsNoTracking()
                .Where(c => c.Id == chunkId)
                .Join(db.KnowledgeDocuments, c => c.DocumentId, d => d.Id, (c, d) => new ChunkView(
                    c.Id, d.PublicId, d.FileName, c.KnowledgeBaseId, c.Ordinal, c.Page, c.Heading, c.Text, c.Tokens))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Chunk", chunkId);
    }

    private static List<RankedChunk> Rank(
        SearchRequest request,
        List<(long ChunkId, Guid DocumentId, float Score)> vectorHits,
        List<KeywordMatch> keywordHits,
        VectorSegment? segment,
        float[]? query)
    {
        var cosine = vectorHits.ToDictionary(h => h.ChunkId, h => (double)h.Score);
        var keywordScores = keywordHits.ToDictionary(h => h.Id, h => h.Score);
        IEnumerable<RankedChunk> ranked = request.Mode switch
        {
            SearchMode.Vector => vectorHits.Select(h => new RankedChunk(h.ChunkId, Math.Max(0, h.Score), h.Score, null, null)),
            SearchMode.Keyword => keywordHits.Select(h => new RankedChunk(h.Id, Normalize(h.Score), null, h.Score, null)),
            _ => ReciprocalRankFusion.Fuse([[.. vectorHits.Select(h => h.ChunkId)], [.. keywordHits.Select(h => h.Id)]])
                .OrderByDescending(f => f.Value)
                .Select(f =>
                {
                    // A chunk only the keyword index found still gets its similarity, from the segment.
                    var similarity = cosine.TryGetValue(f.Key, out var c) ? c : segment?.ScoreOf(f.Key, query) is { } s ? s : (double?)null;
                    double? keyword = keywordScores.TryGetValue(f.Key, out var k) ? k : null;
                    var relevance = Math.Max(similarity ?? 0, keyword is { } score ? Normalize(score) : 0);
                    return new RankedChunk(f.Key, relevance, similarity, keyword, f.Value);
                }),
        };
        return [.. ranked.Where(r => r.Relevance >= request.MinRelevance).Take(request.TopK)];
    }

    private static double Normalize(double keywordScore) => keywordScore <= 0 ? 0 : keywordScore / (keywordScore + 1);

    /// <summary>The ranked chunks with their documents and tags, read in one query.</summary>
    private static async Task<List<SearchHit>> DescribeAsync(PortalDbContext db, List<RankedChunk> ranked, QueryTerms terms, CancellationToken cancellationToken)
    {
        var ids = ranked.Select(r => r.ChunkId).ToList();
        var chunks = await db.KnowledgeChunks.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.KnowledgeDocuments, c => c.DocumentId, d => d.Id, (c, d) => new
            {
                c.Id, d.PublicId, c.Ordinal, c.Text, c.Page, c.Heading, d.FileName, Tags = d.Tags.ToList(),
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var rank in ranked)
        {
            // A chunk deleted between ranking and reading is simply left out.
            if (!chunks.TryGetValue(rank.ChunkId, out var chunk))
            {
                continue;
            }

            var (matched, highlights) = Highlighter.Find(chunk.Text, terms);
            hits.Add(new SearchHit(chunk.Id, chunk.PublicId, chunk.FileName, chunk.Ordinal, chunk.Text, chunk.Page, chunk.Heading,
                Math.Round(rank.Relevance, 6), rank.VectorScore, rank.KeywordScore, rank.FusedScore, matched, highlights,
                DocumentTags.FromEntities(chunk.Tags)));
        }

        return hits;
    }

    /// <summary>The documents a filter admits, or null when the request has no filter.</summary>
    private static async Task<HashSet<Guid>?> FilterAsync(PortalDbContext db, Guid baseId, SearchRequest request, CancellationToken cancellationToken)
    {
        var tags = DocumentTags.Normalize(request.Tags);
        if (tags.Count == 0 && request.DocumentIds is not { Count: > 0 } && request.Filters is not { Count: > 0 })
        {
            return null;
        }

        var documents = db.KnowledgeDocuments.Where(d => d.KnowledgeBaseId == baseId);
        foreach (var (key, values) in tags)
        {
            documents = documents.Where(d => d.Tags.Any(t => t.Key == key && values.Contains(t.Value)));
        }

        if (request.DocumentIds is { Count: > 0 } ids)
        {
            documents = documents.Where(d => ids.Contains(d.PublicId));
        }

        if (request.Filters is not { Count: > 0 } filters)
        {
            return [.. await documents.Select(d => d.Id).ToListAsync(cancellationToken)];
        }

        // Within a filter every tag is required; across filters any one will do.
        var admitted = new HashSet<Guid>();
        foreach (var filter in filters.Select(DocumentTags.Normalize))
        {
            var matching = documents;
            foreach (var (key, value) in filter.SelectMany(f => f.Value.Select(v => (f.Key, v))))
            {
                matching = matching.Where(d => d.Tags.Any(t => t.Key == key && t.Value == value));
            }

            admitted.UnionWith(await matching.Select(d => d.Id).ToListAsync(cancellationToken));
        }

        return admitted;
    }

    private SearchResults Empty(KnowledgeBase knowledgeBase, SearchRequest request, string message, long started) =>
        new(knowledgeBase.Id, knowledgeBase.Name, request.Query, request.Mode, [], message,
            new SearchTiming(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, clock.GetElapsedTime(started)));

    private sealed record RankedChunk(long ChunkId, double Relevance, double? VectorScore, double? KeywordScore, double? FusedScore);
}
