using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// Compares the response with the baseline variant's output for the same item. Judges prefer whichever answer they
/// read first (or second) more often than chance, so the rubric (<c>{{$input}}</c>, <c>{{$first}}</c>,
/// <c>{{$second}}</c>, <c>{{$expected}}</c>) runs twice with the positions swapped: the variant wins (1) or loses (0)
/// only when both runs agree; a disagreement or a tie is a tie (0.5). Passes unless it loses.
/// </summary>
public sealed class PairwiseJudgeEvaluator(string metricName, JudgeRunner runner, JudgeRubric rubric) : IEvaluator
{
    public const double Win = 1;

    public const double Tie = 0.5;

    public const double Loss = 0;

    public IReadOnlyCollection<string> EvaluationMetricNames => [metricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        if (EvaluationContexts.Find<BaselineOutputContext>(additionalContext) is not { } baseline)
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName, "A pairwise judge needs the baseline's output for this item, and none was passed."));
        }

        var input = messages.RenderText();
        var expected = EvaluationContexts.Find<ExpectedOutputContext>(additionalContext)?.ExpectedOutput ?? string.Empty;
        var variantFirst = await JudgeAsync(input, modelResponse.Text, baseline.BaselineOutput, expected, cancellationToken);
        if (variantFirst.Verdict is null)
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName, variantFirst.Problem!));
        }

        var baselineFirst = await JudgeAsync(input, baseline.BaselineOutput, modelResponse.Text, expected, cancellationToken);
        if (baselineFirst.Verdict is null)
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName, baselineFirst.Problem!));
        }

        var (value, summary) = (variantFirst.Verdict.Winner, baselineFirst.Verdict.Winner) switch
        {
            (PairwiseWinner.First, PairwiseWinner.Second) => (Win, "Better than the baseline in both orders"),
            (PairwiseWinner.Second, PairwiseWinner.First) => (Loss, "Worse than the baseline in both orders"),
            (PairwiseWinner.Tie, PairwiseWinner.Tie) => (Tie, "A tie with the baseline in both orders"),
            _ => (Tie, "A tie: the two orders disagree, so the preference followed the position"),
        };
        var reason = $"{summary}. Variant first: {variantFirst.Verdict.Reason} Baseline first: {baselineFirst.Verdict.Reason}";
        return new EvaluationResult(EvaluatorMetrics.Score(metricName, value, Tie, reason));
    }

    private async Task<(PairwiseVerdict? Verdict, string? Problem)> JudgeAsync(
        string input, string first, string second, string expected, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?> { ["input"] = input, ["first"] = first, ["second"] = second, ["expected"] = expected };
        var call = await runner.RunAsync(rubric, values, PairwiseVerdict.Format, cancellationToken);
        if (call.Answer is null)
        {
            return (null, call.Problem);
        }

        var verdict = PairwiseVerdict.Parse(call.Answer, out var problem);
        return (verdict, problem);
    }
}
