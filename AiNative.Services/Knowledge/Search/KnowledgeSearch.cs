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
/// Searches a base's active index: vector top-k over the in-memory segment (exact scores), the database's
/// keyword index (<see cref="KeywordSearch"/>), or both (the default), whose candidates are ordered
/// by <see cref="Relevance"/>. Also the retrieval step of answers and of the playground.
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

        // The keyword query runs on a connection of its own beside the vector half: a hybrid search takes the longer
        // of the two, not their sum (the scan is bound by memory bandwidth, the keyword query by one core).
        var keywordSearch = request.Mode == SearchMode.Vector
            ? null
            : Task.Run(() => KeywordAsync(knowledgeBase, terms, candidates, allowed, cancellationToken), cancellationToken);
        var embedding = TimeSpan.Zero;
        var vectorTime = TimeSpan.Zero;
        float[]? query = null;
        VectorSegment? segment = null;
        var vectorHits = new List<(long ChunkId, Guid DocumentId, float Score)>();
        try
        {
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
        }
        finally
        {
            // The keyword query ends before the search does, also when the vector half failed.
            if (keywordSearch is not null)
            {
                await Task.WhenAny(keywordSearch);
            }
        }

        var (keywordHits, keywordTime) = keywordSearch is null ? ([], TimeSpan.Zero) : await keywordSearch;
        var hits = await RankAsync(db, request, terms, vectorHits, keywordHits, segment, query, cancellationToken);
        return new SearchResults(knowledgeBase.Id, knowledgeBase.Name, request.Query, request.Mode, hits, null,
            new SearchTiming(embedding, vectorTime, keywordTime, clock.GetElapsedTime(started)));
    }

    private async Task<(List<KeywordMatch> Hits, TimeSpan Time)> KeywordAsync(
        KnowledgeBase knowledgeBase, QueryTerms terms, int candidates, IReadOnlySet<Guid>? allowed, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = await KeywordSearch.SearchAsync(db, knowledgeBase.Id, knowledgeBase.ActiveGeneration, terms, candidates, allowed, cancellationToken);
        return (hits, clock.GetElapsedTime(started));
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

    /// <summary>
    /// Every candidate of either index with its document and scores, read in one query, then ordered by relevance:
    /// the similarity in vector mode, <see cref="Relevance"/> in keyword and hybrid mode (ties by the keyword or
    /// fused rank). Candidates come from each index's top, so no chunk that matters is left unscored.
    /// </summary>
    private static async Task<List<SearchHit>> RankAsync(
        PortalDbContext db,
        SearchRequest request,
        QueryTerms terms,
        List<(long ChunkId, Guid DocumentId, float Score)> vectorHits,
        List<KeywordMatch> keywordHits,
        VectorSegment? segment,
        float[]? query,
        CancellationToken cancellationToken)
    {
        var cosine = vectorHits.ToDictionary(h => h.ChunkId, h => (double)h.Score);
        var keywordScores = keywordHits.ToDictionary(h => h.Id, h => h.Score);
        var fused = request.Mode == SearchMode.Hybrid
            ? ReciprocalRankFusion.Fuse([[.. vectorHits.Select(h => h.ChunkId)], [.. keywordHits.Select(h => h.Id)]])
            : null;
        // Vector mode's order is the similarity already, so only the hits shown are read.
        var ids = request.Mode == SearchMode.Vector
            ? [.. vectorHits.Where(h => Math.Max(0, h.Score) >= request.MinRelevance).Take(request.TopK).Select(h => h.ChunkId)]
            : cosine.Keys.Union(keywordScores.Keys).ToList();
        var chunks = await db.KnowledgeChunks.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.KnowledgeDocuments, c => c.DocumentId, d => d.Id, (c, d) => new
            {
                c.Id, d.PublicId, c.Ordinal, c.Text, c.Page, c.Heading, d.FileName, Tags = d.Tags.ToList(),
            })
            .ToListAsync(cancellationToken);

        // A chunk deleted between the index and this read is simply left out.
        var hits = new List<SearchHit>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var (matched, highlights) = Highlighter.Find(chunk.Text, terms);

            // A chunk only the keyword index found still gets its similarity, from the segment.
            double? similarity = cosine.TryGetValue(chunk.Id, out var c) ? c
                : query is not null && segment?.ScoreOf(chunk.Id, query) is { } s ? s
                : null;
            double? keyword = keywordScores.TryGetValue(chunk.Id, out var k) ? k : null;
            double? wordsMatched = request.Mode == SearchMode.Vector ? null : Highlighter.ShareMatched(matched, terms);
            var relevance = wordsMatched is { } share ? Relevance.Of(share, similarity) : Math.Max(0, similarity ?? 0);
            hits.Add(new SearchHit(chunk.Id, chunk.PublicId, chunk.FileName, chunk.Ordinal, chunk.Text, chunk.Page, chunk.Heading,
                Math.Round(relevance, 6), similarity, keyword, fused?.GetValueOrDefault(chunk.Id), wordsMatched, matched, highlights,
                DocumentTags.FromEntities(chunk.Tags)));
        }

        return [.. hits.Where(h => h.Relevance >= request.MinRelevance)
            .OrderByDescending(h => h.Relevance)
            .ThenByDescending(h => h.FusedScore ?? h.KeywordScore ?? h.VectorScore)
            .ThenBy(h => h.ChunkId)
            .Take(request.TopK)];
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

}
