using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation;

/// <summary>
/// An evaluator that scores the response's text from the text and the contexts alone, with no call: synchronous
/// and cheap, so experiments score thousands of cells a second with them.
/// </summary>
public abstract class DeterministicEvaluator(string metricName) : IEvaluator
{
    public string MetricName { get; } = metricName;

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new EvaluationResult(Evaluate(modelResponse.Text, additionalContext)));

    /// <summary>Scores <paramref name="output"/>, the response's text.</summary>
    public abstract EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts);

    /// <summary>The expected output the settings give, else the item's; null when neither has one.</summary>
    protected static string? Expected(string? configured, IEnumerable<EvaluationContext>? contexts) =>
        configured ?? EvaluationContexts.Find<ExpectedOutputContext>(contexts)?.ExpectedOutput;
}
