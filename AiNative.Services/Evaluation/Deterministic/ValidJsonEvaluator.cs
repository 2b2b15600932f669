using System.Text.Json;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the output is one JSON value.</summary>
public sealed class ValidJsonEvaluator(string metricName) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (JsonText.CannotBe(output))
        {
            return EvaluatorMetrics.Check(MetricName, false, JsonText.NotJson);
        }

        try
        {
            using var _ = JsonDocument.Parse(output);
            return EvaluatorMetrics.Check(MetricName, true, "The output is valid JSON.");
        }
        catch (JsonException e)
        {
            return EvaluatorMetrics.Check(MetricName, false, $"The output is not valid JSON: {e.Message}");
        }
    }
}
