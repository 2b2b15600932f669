using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

/// <summary>The source documents (ids or names) a dataset item expects retrieval to find.</summary>
public sealed class ExpectedDocumentsContext(IReadOnlyList<string> documents) : EvaluationContext(ContextName, string.Join("\n", documents))
{
    public const string ContextName = "Expected documents";

    public IReadOnlyList<string> Documents { get; } = documents;
}
