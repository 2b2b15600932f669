using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Retrieval;

/// <summary>
/// 1 ÷ the rank of the first expected source document retrieved (0 when none within the first K); its mean over
/// items is the MRR. Passes at the threshold (0.5 by default: the first or second passage).
/// </summary>
public sealed class ReciprocalRankEvaluator(string metricName, int? topK, double threshold) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => [metricName];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var (rank, problem) = RetrievalRanks.FirstHit(additionalContext, topK, "MRR");
        var value = rank > 0 ? 1.0 / rank : 0;
        EvaluationMetric metric = problem is not null
            ? EvaluatorMetrics.ScoreError(metricName, problem)
            : EvaluatorMetrics.Score(metricName, value, threshold, rank > 0
                ? string.Create(CultureInfo.InvariantCulture, $"The first expected document was retrieved at rank {rank}: 1/{rank} = {value:0.###}.")
                : "No expected document was retrieved.");
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
