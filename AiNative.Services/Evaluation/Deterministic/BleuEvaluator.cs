using System.Globalization;
using AiNative.Services.Evaluation.Text;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Sentence BLEU of the output against the expected output (<see cref="Bleu"/>: 4-grams, smoothing method 1), 0..1; passes at the threshold.</summary>
public sealed class BleuEvaluator(string metricName, double threshold) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(null, contexts) is not { } expected)
        {
            return EvaluatorMetrics.ScoreError(MetricName, EvaluatorMetrics.MissingExpectedOutput("BLEU"));
        }

        var score = Bleu.Sentence([TextTokens.WordsAndPunctuation(expected)], TextTokens.WordsAndPunctuation(output));
        return EvaluatorMetrics.Score(MetricName, score, threshold, string.Create(CultureInfo.InvariantCulture, $"BLEU {score:0.###} (passes at {threshold})."));
    }
}
