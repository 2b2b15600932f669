using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

/// <summary>The output a dataset item expects, which exact match, similarity and judges compare against.</summary>
public sealed class ExpectedOutputContext(string expectedOutput) : EvaluationContext(ContextName, expectedOutput)
{
    public const string ContextName = "Expected output";

    public string ExpectedOutput { get; } = expectedOutput;
}
