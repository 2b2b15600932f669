using System.Globalization;
using AiNative.Services.Traces;

namespace AiNative.Services.Knowledge.Search;

/// <summary>What a retrieval observation keeps of a search: the query, settings, timings and each hit with its scores.</summary>
internal static class SearchObservations
{
    public static void Record(ActiveObservation retrieval, SearchRequest request, SearchResults results)
    {
        retrieval.Set("ainative.retrieval.knowledge_base", results.KnowledgeBaseName)
            .Set("ainative.retrieval.knowledge_base_id", results.KnowledgeBaseId)
            .Set("ainative.retrieval.mode", results.Mode.ToString().ToLowerInvariant())
            .Set("ainative.retrieval.top_k", request.TopK)
            .Set("ainative.retrieval.min_relevance", request.MinRelevance)
            .Set("ainative.retrieval.hits", results.Hits.Count)
            .Set("ainative.retrieval.embedding_ms", Milliseconds(results.Timing.Embedding))
            .Set("ainative.retrieval.vector_ms", Milliseconds(results.Timing.Vector))
            .Set("ainative.retrieval.keyword_ms", Milliseconds(results.Timing.Keyword));
        retrieval.Record.Hits.AddRange(results.Hits.Select((hit, i) => new RetrievedChunk
        {
            Number = i + 1,
            ChunkId = hit.ChunkId,
            DocumentId = hit.DocumentId,
            DocumentName = hit.DocumentName,
            Page = hit.Page,
            Heading = hit.Heading,
            Relevance = hit.Relevance,
            VectorScore = hit.VectorScore,
            KeywordScore = hit.KeywordScore,
            FusedScore = hit.FusedScore,
        }));
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);
}
