using System.Text.RegularExpressions;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>
/// Passes when the output matches a pattern. Patterns are user input, so a match is bounded by
/// <see cref="MatchTimeout"/>: a pattern that backtracks for longer is an evaluator error, not a hung experiment.
/// </summary>
public sealed class RegexEvaluator(string metricName, string pattern, bool ignoreCase) : DeterministicEvaluator(metricName)
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex _regex = Create(pattern, ignoreCase);

    public static Regex Create(string pattern, bool ignoreCase) =>
        new(pattern, RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), MatchTimeout);

    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        try
        {
            var matched = _regex.IsMatch(output);
            return EvaluatorMetrics.Check(MetricName, matched, matched ? $"The output matches /{pattern}/." : $"The output does not match /{pattern}/.");
        }
        catch (RegexMatchTimeoutException)
        {
            return EvaluatorMetrics.CheckError(MetricName,
                $"The pattern /{pattern}/ took longer than {MatchTimeout.TotalMilliseconds:0} ms on this output. Simplify it (nested repetition backtracks without end).");
        }
    }
}
