using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Prompts.Templates;
using AiNative.Services.Traces;

namespace AiNative.Services.Execution;

/// <summary>
/// The retrieve step of a run: searches the knowledge base for the query variable's value and fills
/// the context variable with the numbered chunks found, recording the search as an observation of the run's trace.
/// </summary>
public sealed class ContextRetrieval(KnowledgeSearch search)
{
    /// <summary>
    /// The values to render with: <paramref name="values"/> resolved against the templates, with the
    /// context variable filled from the base. Every other variable needs its value before anything is
    /// searched, and the query must not be empty.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, string?>> FillAsync(
        RetrievalSettings settings,
        PromptTemplates templates,
        IReadOnlyDictionary<string, string?> values,
        ActiveTrace trace,
        CancellationToken cancellationToken)
    {
        // The context's own value, given or default, is not needed: the search replaces it.
        var given = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase) { [settings.ContextVariable] = string.Empty };
        var resolved = TemplateRenderer.Resolve(templates, given);
        var query = resolved[settings.QueryVariable].Trim();
        new Validation()
            .Require(query.Length > 0, $"Values.{settings.QueryVariable}",
                $"Enter a value for '{settings.QueryVariable}': it is what '{settings.KnowledgeBaseName}' is searched for.")
            .Require(query.Length <= SearchRequest.MaxQueryLength, $"Values.{settings.QueryVariable}",
                $"The value of '{settings.QueryVariable}' is the search query, which must be at most {SearchRequest.MaxQueryLength:N0} characters.")
            .ThrowIfInvalid();

        var results = await search.SearchAsync(
            new SearchRequest
            {
                Index = settings.KnowledgeBaseId.ToString(),
                Query = query,
                Mode = settings.Mode,
                TopK = settings.TopK,
                MinRelevance = settings.MinRelevance,
            },
            new SearchTracing(trace, null, ObservationNames.Retrieve),
            cancellationToken);

        var filled = resolved.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.OrdinalIgnoreCase);
        filled[settings.ContextVariable] = results.Hits.Count == 0 ? NothingFound(results.KnowledgeBaseName) : ContextBlock.Format(results.Hits);
        return filled;
    }

    /// <summary>What the context says when no chunk is relevant enough, so the model can say it has no answer.</summary>
    public static string NothingFound(string knowledgeBase) =>
        $"Nothing in the knowledge base '{knowledgeBase}' is relevant enough to this question.";
}
