using System.Globalization;
using System.Numerics.Tensors;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Embeddings;

/// <summary>
/// Cosine similarity of the output's and the expected output's embeddings, both from one of the team's embedding
/// models through the one call path (<see cref="ModelInvoker.EmbedAsync(EmbeddingInvocation, CancellationToken)"/>, so
/// the call is traced and costed); passes at the threshold. A failed call is an evaluator error with its reason.
/// </summary>
public sealed class EmbeddingSimilarityEvaluator(string metricName, ModelInvoker invoker, Guid modelId, double threshold) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => [metricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        if (EvaluationContexts.Find<ExpectedOutputContext>(additionalContext) is not { } expected)
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName, EvaluatorMetrics.MissingExpectedOutput("Embedding similarity")));
        }

        try
        {
            var embedded = await invoker.EmbedAsync(
                new EmbeddingInvocation { ModelId = modelId, Texts = [modelResponse.Text, expected.ExpectedOutput], Source = TraceSource.Evaluator },
                cancellationToken);
            var similarity = TensorPrimitives.CosineSimilarity(embedded.Vectors[0].Span, embedded.Vectors[1].Span);
            var value = float.IsFinite(similarity) ? similarity : 0;
            return new EvaluationResult(EvaluatorMetrics.Score(metricName, value, threshold,
                string.Create(CultureInfo.InvariantCulture, $"Cosine similarity {value:0.###} to the expected output (passes at {threshold}).")));
        }
        catch (PortalException e)
        {
            return new EvaluationResult(EvaluatorMetrics.ScoreError(metricName, $"The embedding call failed: {e.Message}"));
        }
    }
}
