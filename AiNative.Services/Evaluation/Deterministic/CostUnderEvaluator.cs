using System.Globalization;
using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the call that produced the output cost at most the limit in US dollars.</summary>
public sealed class CostUnderEvaluator(string metricName, decimal limit) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (EvaluationContexts.Find<CallMeasuresContext>(contexts) is not { Cost: { } cost })
        {
            return EvaluatorMetrics.CheckError(MetricName, "Cost under needs the call's cost, and none is known: give the model a price.");
        }

        var under = cost <= limit;
        return EvaluatorMetrics.Check(MetricName, under, string.Create(CultureInfo.InvariantCulture,
            $"${cost} is {(under ? "within" : "over")} the limit of ${limit}."));
    }
}
