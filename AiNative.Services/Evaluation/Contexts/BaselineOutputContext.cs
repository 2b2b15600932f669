using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

/// <summary>The baseline variant's output for the same item, which a pairwise judge compares the response with.</summary>
public sealed class BaselineOutputContext(string baselineOutput) : EvaluationContext(ContextName, baselineOutput)
{
    public const string ContextName = "Baseline output";

    public string BaselineOutput { get; } = baselineOutput;
}
