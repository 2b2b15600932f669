using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

/// <summary>What retrieval found for the run, best first: hit rate and MRR rank it, faithfulness judges the answer against its text.</summary>
public sealed class RetrievedDocumentsContext(IReadOnlyList<RetrievedDocument> documents)
    : EvaluationContext(ContextName, string.Join("\n\n", documents.Select((d, i) => $"[{i + 1}] ({d.Document}) {d.Text}")))
{
    public const string ContextName = "Retrieved documents";

    public IReadOnlyList<RetrievedDocument> Documents { get; } = documents;
}
