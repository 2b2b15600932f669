using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation;

/// <summary>
/// The metrics built-in evaluators return: a pass/fail check as a <see cref="BooleanMetric"/>, a graded score as a
/// <see cref="NumericMetric"/> passing at a threshold, both interpreted so a list can count passes. An evaluator that
/// could not score (no expected output, a judge answer it cannot read) returns its metric without a value and with
/// an error diagnostic: an error, never a 0.
/// </summary>
public static class EvaluatorMetrics
{
    public static BooleanMetric Check(string name, bool passed, string reason) =>
        new(name, passed, reason)
        {
            Interpretation = new EvaluationMetricInterpretation(passed ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !passed, reason),
        };

    public static NumericMetric Score(string name, double value, double threshold, string reason)
    {
        var passed = value >= threshold;
        return new NumericMetric(name, value, reason)
        {
            Interpretation = new EvaluationMetricInterpretation(passed ? EvaluationRating.Good : EvaluationRating.Poor, failed: !passed, reason),
        };
    }

    /// <summary><paramref name="metric"/> (without a value) marked as an evaluator error that says why.</summary>
    public static T Error<T>(T metric, string message)
        where T : EvaluationMetric
    {
        metric.Reason = message;
        metric.AddDiagnostics(EvaluationDiagnostic.Error(message));
        return metric;
    }

    public static BooleanMetric CheckError(string name, string message) => Error(new BooleanMetric(name), message);

    public static NumericMetric ScoreError(string name, string message) => Error(new NumericMetric(name), message);

    /// <summary>Whether the evaluator failed to score (shown as an error), as opposed to scoring a failure.</summary>
    public static bool IsError(EvaluationMetric metric) => metric.ContainsDiagnostics(d => d.Severity == EvaluationDiagnosticSeverity.Error);

    public static string MissingExpectedOutput(string evaluator) =>
        $"{evaluator} needs the item's expected output, and this item has none. Add one to the dataset item or choose another evaluator.";
}
