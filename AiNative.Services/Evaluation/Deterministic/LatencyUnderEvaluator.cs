using System.Globalization;
using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the call that produced the output took at most the limit.</summary>
public sealed class LatencyUnderEvaluator(string metricName, TimeSpan limit) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (EvaluationContexts.Find<CallMeasuresContext>(contexts) is not { } call)
        {
            return EvaluatorMetrics.CheckError(MetricName, "Latency under needs the call's latency, and none was passed.");
        }

        var under = call.Latency <= limit;
        return EvaluatorMetrics.Check(MetricName, under, string.Create(CultureInfo.InvariantCulture,
            $"{call.Latency.TotalMilliseconds:0} ms is {(under ? "within" : "over")} the limit of {limit.TotalMilliseconds:0} ms."));
    }
}
