using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the output equals the expected output, surrounding whitespace aside.</summary>
public sealed class ExactMatchEvaluator(string metricName, bool ignoreCase, string? expected = null) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(expected, contexts) is not { } wanted)
        {
            return EvaluatorMetrics.CheckError(MetricName, EvaluatorMetrics.MissingExpectedOutput("Exact match"));
        }

        var equal = output.AsSpan().Trim().Equals(wanted.AsSpan().Trim(), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return EvaluatorMetrics.Check(MetricName, equal, equal ? "The output equals the expected output." : "The output differs from the expected output.");
    }
}
