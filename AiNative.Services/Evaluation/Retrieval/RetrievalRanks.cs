using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Retrieval;

internal static class RetrievalRanks
{
    /// <summary>
    /// The 1-based rank of the first retrieved passage from an expected document within the first <paramref name="topK"/>
    /// (all when null), 0 when none; or why it cannot be told.
    /// </summary>
    public static (int Rank, string? Problem) FirstHit(IEnumerable<EvaluationContext>? contexts, int? topK, string evaluator)
    {
        if (EvaluationContexts.Find<ExpectedDocumentsContext>(contexts) is not { Documents.Count: > 0 } expected)
        {
            return (0, $"{evaluator} needs the item's expected source documents, and this item has none.");
        }

        if (EvaluationContexts.Find<RetrievedDocumentsContext>(contexts) is not { } retrieved)
        {
            return (0, $"{evaluator} needs what retrieval found; the prompt retrieved nothing. Use it with a prompt that searches a knowledge base.");
        }

        var wanted = expected.Documents.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var considered = retrieved.Documents.Take(topK ?? int.MaxValue).ToList();
        var index = considered.FindIndex(d => wanted.Contains(d.Document));
        return (index + 1, null);
    }
}
