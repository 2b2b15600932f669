using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Tests.Evaluation;

/// <summary>Runs an evaluator the way the experiment runner will, through the library's contract, and answers its one metric.</summary>
internal static class Scoring
{
    public static async Task<EvaluationMetric> ScoreAsync(this IEvaluator evaluator, string output, params EvaluationContext[] contexts)
    {
        var result = await evaluator.EvaluateAsync(
            [new ChatMessage(ChatRole.User, "Question")], new ChatResponse(new ChatMessage(ChatRole.Assistant, output)),
            additionalContext: contexts, cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(result.Metrics).Value;
    }

    public static async Task<bool?> PassesAsync(this IEvaluator evaluator, string output, params EvaluationContext[] contexts)
    {
        var metric = await evaluator.ScoreAsync(output, contexts);
        return metric.Interpretation is { } interpretation ? !interpretation.Failed : null;
    }
}
