using AiNative.Services.Models.Pipeline;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Offline;

/// <summary>
/// The built-in embedding model: hashed word and character n-grams, L2-normalised. It needs no
/// network and gives the same vector for the same text everywhere, which makes retrieval work
/// offline and tests deterministic. Texts with no words get the zero vector.
/// </summary>
public sealed class OfflineEmbeddingGenerator(string modelId, int dimensions = OfflineModels.EmbeddingDimensions, TokenCounter? tokens = null)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("offline", null, modelId, dimensions);

    public int Dimensions => dimensions;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        var texts = values as IReadOnlyList<string> ?? [.. values];
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(text)) { ModelId = modelId, CreatedAt = now });
        }

        // A caller that counted the texts' tokens already (ingestion) says so; counting them again cost a tenth of ingesting.
        var inputTokens = CallRecording.Of(options?.AdditionalProperties)?.CountedInputTokens
            ?? texts.Sum(text => (long)(tokens?.Count(text) ?? 0));
        embeddings.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = inputTokens };
        return Task.FromResult(embeddings);
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        HashedFeatures.Embed(text, vector);
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
