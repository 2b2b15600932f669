using AiNative.Services.Models.Invocation;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Models.Pipeline;

/// <summary>Records every embedding call that carries a <see cref="CallRecording"/>: how many texts, usage, cost and how it ended.</summary>
internal sealed class RecordingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner, ModelDefinition model, TokenCounter tokens, ILogger logger)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (CallRecording.Of(options?.AdditionalProperties) is not { } recording)
        {
            return await base.GenerateAsync(values, options, cancellationToken);
        }

        var texts = values as IReadOnlyList<string> ?? [.. values];
        var call = new CallObservation(recording, model, ObservationType.Embedding);

        // The texts themselves are not kept: chunks are stored with the base, and a query with its retrieval.
        call.Observation.Set("gen_ai.operation.name", "embeddings").Set("ainative.embedding.texts", texts.Count);
        try
        {
            var embeddings = await base.GenerateAsync(texts, options, cancellationToken);
            var usage = CallObservation.UsageFrom(embeddings.Usage, () => recording.CountedInputTokens ?? texts.Sum(t => (long)tokens.Count(t)), () => 0);
            await call.SucceededAsync(usage, null, null, null);
            return embeddings;
        }
        catch (Exception e)
        {
            await call.FailedAsync(e, new TokenUsage(recording.CountedInputTokens ?? texts.Sum(t => (long)tokens.Count(t)), 0, true), null, null, cancellationToken, logger);
            throw;
        }
    }
}
