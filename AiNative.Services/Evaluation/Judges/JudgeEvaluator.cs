using System.Globalization;
using AiNative.Services.Evaluation.Contexts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// LLM-as-judge: the rubric prompt is filled with the input (<c>{{$input}}</c>), the output (<c>{{$output}}</c>), the
/// expected output (<c>{{$expected}}</c>) and the retrieved context (<c>{{$context}}</c>), and answers a
/// <see cref="JudgeVerdict"/>; passes at the threshold. With <paramref name="needsContext"/> it is the faithfulness
/// judge: an answer with no retrieved context to be faithful to cannot be judged. An answer that cannot be read is an
/// error on the metric, never a 0.
/// </summary>
public sealed class JudgeEvaluator(string metricName, JudgeRunner runner, JudgeRubric rubric, double threshold, bool needsContext) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => [metricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var context = EvaluationContexts.Find<RetrievedDocumentsContext>(additionalContext);
        if (needsContext && context is not { Documents.Count: > 0 })
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName,
                "Faithfulness needs the passages retrieval found, and this run retrieved none. Use it with a prompt that searches a knowledge base."));
        }

        var values = new Dictionary<string, string?>
        {
            ["input"] = messages.RenderText(),
            ["output"] = modelResponse.Text,
            ["expected"] = EvaluationContexts.Find<ExpectedOutputContext>(additionalContext)?.ExpectedOutput ?? string.Empty,
            ["context"] = context is null ? string.Empty : JudgeContext.Text(context),
        };
        var call = await runner.RunAsync(rubric, values, JudgeVerdict.Format, cancellationToken);
        if (call.Answer is null)
        {
            return Result(EvaluatorMetrics.ScoreError(metricName, call.Problem!), call);
        }

        if (JudgeVerdict.Parse(call.Answer, out var problem) is not { } verdict)
        {
            return Result(EvaluatorMetrics.ScoreError(metricName, problem!), call);
        }

        return Result(EvaluatorMetrics.Score(metricName, verdict.Score, threshold,
            string.Create(CultureInfo.InvariantCulture, $"{verdict.Score}/{JudgeVerdict.MaxScore}: {verdict.Reason}")), call);
    }

    private static EvaluationResult Result(NumericMetric metric, JudgeCall call)
    {
        if (call.TraceId is { } traceId)
        {
            metric.AddOrUpdateMetadata(JudgeContext.TraceMetadata, traceId.ToString());
        }

        return new EvaluationResult(metric);
    }
}
