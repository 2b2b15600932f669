using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>
/// Passes when the number in the output is within an absolute tolerance of the wanted number (the settings' value,
/// else the expected output). The output is read as a number whole, else its first number ("The total is 41.5 €").
/// </summary>
public sealed partial class NumericToleranceEvaluator(string metricName, string? value, double tolerance) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(value, contexts) is not { } wantedText)
        {
            return EvaluatorMetrics.CheckError(MetricName, EvaluatorMetrics.MissingExpectedOutput("Numeric within tolerance"));
        }

        if (ReadNumber(wantedText) is not { } wanted)
        {
            return EvaluatorMetrics.CheckError(MetricName, $"The expected value '{wantedText}' is not a number.");
        }

        if (ReadNumber(output) is not { } actual)
        {
            return EvaluatorMetrics.Check(MetricName, false, "The output holds no number.");
        }

        var within = Math.Abs(actual - wanted) <= tolerance;
        return EvaluatorMetrics.Check(MetricName, within, string.Create(CultureInfo.InvariantCulture,
            $"{actual} is {(within ? "within" : "outside")} ±{tolerance} of {wanted}."));
    }

    public static double? ReadNumber(string text)
    {
        const NumberStyles styles = NumberStyles.Float;
        if (double.TryParse(text.Trim(), styles, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        var first = FirstNumber().Match(text);
        return first.Success && double.TryParse(first.Value, styles, CultureInfo.InvariantCulture, out var found) ? found : null;
    }

    [GeneratedRegex(@"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FirstNumber();
}
