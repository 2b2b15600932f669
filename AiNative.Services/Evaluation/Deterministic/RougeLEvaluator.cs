using System.Globalization;
using AiNative.Services.Evaluation.Text;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>ROUGE-L F-measure of the output against the expected output (<see cref="RougeL"/>), 0..1; passes at the threshold.</summary>
public sealed class RougeLEvaluator(string metricName, double threshold) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(null, contexts) is not { } expected)
        {
            return EvaluatorMetrics.ScoreError(MetricName, EvaluatorMetrics.MissingExpectedOutput("ROUGE-L"));
        }

        var (precision, recall, f) = RougeL.Score(TextTokens.LowerWords(expected), TextTokens.LowerWords(output));
        return EvaluatorMetrics.Score(MetricName, f, threshold,
            string.Create(CultureInfo.InvariantCulture, $"ROUGE-L F {f:0.###} (precision {precision:0.###}, recall {recall:0.###}; passes at {threshold})."));
    }
}
