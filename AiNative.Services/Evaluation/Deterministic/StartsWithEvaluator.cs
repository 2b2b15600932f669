using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the output, leading whitespace aside, starts with the text (the settings' value, else the expected output).</summary>
public sealed class StartsWithEvaluator(string metricName, string? value, bool ignoreCase) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(value, contexts) is not { } wanted)
        {
            return EvaluatorMetrics.CheckError(MetricName, EvaluatorMetrics.MissingExpectedOutput("Starts with"));
        }

        var starts = output.AsSpan().TrimStart().StartsWith(wanted, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return EvaluatorMetrics.Check(MetricName, starts, starts ? $"The output starts with '{wanted}'." : $"The output does not start with '{wanted}'.");
    }
}
