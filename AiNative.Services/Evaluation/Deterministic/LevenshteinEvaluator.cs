using System.Globalization;
using AiNative.Services.Evaluation.Text;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Scores 0..1 how close the output is to the expected output by edit distance (<see cref="Levenshtein.Similarity"/>); passes at the threshold.</summary>
public sealed class LevenshteinEvaluator(string metricName, double threshold, bool ignoreCase) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(null, contexts) is not { } expected)
        {
            return EvaluatorMetrics.ScoreError(MetricName, EvaluatorMetrics.MissingExpectedOutput("Levenshtein similarity"));
        }

        var similarity = ignoreCase
            ? Levenshtein.Similarity(output.Trim().ToLowerInvariant(), expected.Trim().ToLowerInvariant())
            : Levenshtein.Similarity(output.Trim(), expected.Trim());
        return EvaluatorMetrics.Score(MetricName, similarity, threshold, string.Create(CultureInfo.InvariantCulture, $"Edit similarity {similarity:0.###} (passes at {threshold})."));
    }
}
