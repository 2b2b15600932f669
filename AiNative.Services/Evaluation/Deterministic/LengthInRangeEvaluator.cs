using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the output's length in characters, surrounding whitespace aside, is within the bounds (either may be open).</summary>
public sealed class LengthInRangeEvaluator(string metricName, int? min, int? max) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        var length = output.AsSpan().Trim().Length;
        var within = length >= (min ?? 0) && length <= (max ?? int.MaxValue);
        var range = (min, max) switch
        {
            ({ } low, { } high) => $"{low}–{high}",
            ({ } low, null) => $"at least {low}",
            (null, { } high) => $"at most {high}",
            _ => "any length",
        };
        return EvaluatorMetrics.Check(MetricName, within, $"{length} characters; wanted {range}.");
    }
}
