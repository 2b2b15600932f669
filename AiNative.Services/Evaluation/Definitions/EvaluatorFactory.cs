using AiNative.Services.Evaluation.Deterministic;
using AiNative.Services.Evaluation.Embeddings;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Evaluation.Retrieval;
using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>
/// Builds the <see cref="IEvaluator"/> a definition version describes, its metric named after the definition, so two
/// evaluators of one kind keep their scores apart. Versions are validated when saved; building one reads its regex
/// or schema once, not per cell.
/// </summary>
public sealed class EvaluatorFactory(ModelInvoker invoker, JudgeRunner judges)
{
    public IEvaluator Create(EvaluatorVersion version, string metricName) => Create(version.Kind, version.Settings, metricName);

    public IEvaluator Create(EvaluatorKind kind, EvaluatorSettings s, string metricName)
    {
        var threshold = s.Threshold ?? EvaluatorDefaults.Threshold(kind);
        return kind switch
        {
            EvaluatorKind.ExactMatch => new ExactMatchEvaluator(metricName, s.IgnoreCase, s.Value),
            EvaluatorKind.Contains => new ContainsEvaluator(metricName, s.Value, s.IgnoreCase, negate: false),
            EvaluatorKind.NotContains => new ContainsEvaluator(metricName, s.Value, s.IgnoreCase, negate: true),
            EvaluatorKind.Regex => new RegexEvaluator(metricName, Required(s.Pattern, nameof(s.Pattern)), s.IgnoreCase),
            EvaluatorKind.StartsWith => new StartsWithEvaluator(metricName, s.Value, s.IgnoreCase),
            EvaluatorKind.ValidJson => new ValidJsonEvaluator(metricName),
            EvaluatorKind.JsonSchema => new JsonSchemaEvaluator(metricName, JsonSchemaEvaluator.Read(Required(s.Schema, nameof(s.Schema)))),
            EvaluatorKind.JsonFieldEquals => new JsonFieldEqualsEvaluator(metricName,
                JsonFieldPath.TryParse(s.Path, out var problem) ?? throw new InvalidOperationException(problem), s.Value),
            EvaluatorKind.NumericTolerance => new NumericToleranceEvaluator(metricName, s.Value, s.Tolerance ?? 0),
            EvaluatorKind.Levenshtein => new LevenshteinEvaluator(metricName, threshold, s.IgnoreCase),
            EvaluatorKind.Bleu => new BleuEvaluator(metricName, threshold),
            EvaluatorKind.RougeL => new RougeLEvaluator(metricName, threshold),
            EvaluatorKind.EmbeddingSimilarity => new EmbeddingSimilarityEvaluator(metricName, invoker, Required(s.ModelId, nameof(s.ModelId)), threshold),
            EvaluatorKind.LatencyUnder => new LatencyUnderEvaluator(metricName, TimeSpan.FromMilliseconds(Required(s.MaxLatencyMs, nameof(s.MaxLatencyMs)))),
            EvaluatorKind.CostUnder => new CostUnderEvaluator(metricName, Required(s.MaxCost, nameof(s.MaxCost))),
            EvaluatorKind.LengthInRange => new LengthInRangeEvaluator(metricName, s.MinLength, s.MaxLength),
            EvaluatorKind.Judge => new JudgeEvaluator(metricName, judges, Rubric(s), threshold, needsContext: false),
            EvaluatorKind.Faithfulness => new JudgeEvaluator(metricName, judges, Rubric(s), threshold, needsContext: true),
            EvaluatorKind.PairwiseJudge => new PairwiseJudgeEvaluator(metricName, judges, Rubric(s)),
            EvaluatorKind.HitRate => new HitRateEvaluator(metricName, s.TopK),
            EvaluatorKind.ReciprocalRank => new ReciprocalRankEvaluator(metricName, s.TopK, threshold),
            _ => throw new InvalidOperationException(EvaluatorSettingsRules.UnknownKind(kind.ToString())),
        };
    }

    private static JudgeRubric Rubric(EvaluatorSettings s) => new(Required(s.PromptId, nameof(s.PromptId)), s.PromptVersion, s.PromptLabel, s.ModelId);

    private static T Required<T>(T? value, string setting)
        where T : class =>
        value ?? throw new InvalidOperationException($"The evaluator's {setting} is missing; its version was saved without validation.");

    private static T Required<T>(T? value, string setting)
        where T : struct =>
        value ?? throw new InvalidOperationException($"The evaluator's {setting} is missing; its version was saved without validation.");
}
