using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Retrieval;

/// <summary>Passes when retrieval found at least one expected source document within the first K passages; its mean over items is the hit rate.</summary>
public sealed class HitRateEvaluator(string metricName, int? topK) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => [metricName];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var (rank, problem) = RetrievalRanks.FirstHit(additionalContext, topK, "Hit rate");
        EvaluationMetric metric = problem is not null
            ? EvaluatorMetrics.CheckError(metricName, problem)
            : EvaluatorMetrics.Check(metricName, rank > 0, rank > 0 ? $"An expected document was retrieved at rank {rank}." : "No expected document was retrieved.");
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
