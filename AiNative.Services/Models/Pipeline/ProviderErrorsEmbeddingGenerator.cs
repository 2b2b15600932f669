using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// Turns the provider's failures into <see cref="ProviderCallException"/>s, and refuses vectors that are
/// not one per text of the registered dimensions, before anything downstream stores them.
/// </summary>
internal sealed class ProviderErrorsEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ModelDefinition model, string? apiKey)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? [.. values];
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await base.GenerateAsync(texts, options, cancellationToken);
        }
        catch (Exception e) when (ProviderErrors.Map(e, model, apiKey, cancellationToken) is { } failure)
        {
            throw failure;
        }

        if (embeddings.Count != texts.Count || (model.EmbeddingDimensions is { } dimensions && embeddings.Any(e => e.Vector.Length != dimensions)))
        {
            throw new EmbeddingDimensionsException(model, texts.Count, embeddings.Count, embeddings.FirstOrDefault()?.Vector.Length ?? 0);
        }

        return embeddings;
    }
}
