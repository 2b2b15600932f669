using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>
/// Passes when the output contains the text (the settings' value, else the expected output); with
/// <paramref name="negate"/>, when it does not (a forbidden phrase).
/// </summary>
public sealed class ContainsEvaluator(string metricName, string? value, bool ignoreCase, bool negate) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(value, contexts) is not { } wanted)
        {
            return EvaluatorMetrics.CheckError(MetricName, EvaluatorMetrics.MissingExpectedOutput(negate ? "Not contains" : "Contains"));
        }

        var found = output.Contains(wanted, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return EvaluatorMetrics.Check(MetricName, found != negate, found ? $"The output contains '{wanted}'." : $"The output does not contain '{wanted}'.");
    }
}
