using System.Runtime.CompilerServices;
using AiNative.Services.Platform.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// Each model's <see cref="ModelPipeline"/>, built on first use and kept with the model as the
/// <see cref="ModelCatalog"/> holds it: a changed model or provider is read again as a new definition, which
/// gets a new pipeline. Pipelines are rebuilt after <see cref="MaxAge"/> too, so the pooled HTTP handlers
/// they hold are renewed (DNS changes) as <c>IHttpClientFactory</c> intends.
/// </summary>
public sealed class ModelPipelines(ModelClientFactory clients, TokenCounter tokens, TimeProvider clock, ILoggerFactory loggers)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly ConditionalWeakTable<ModelDefinition, ModelPipeline> _pipelines = [];
    private readonly ILogger _logger = loggers.CreateLogger<ModelPipelines>();

    public IChatClient ChatClientFor(ModelDefinition model) =>
        PipelineFor(model).Chat ?? throw new InvalidOperationException($"'{model.Name}' is not a chat model.");

    public IEmbeddingGenerator<string, Embedding<float>> EmbeddingGeneratorFor(ModelDefinition model) =>
        PipelineFor(model).Embeddings ?? throw new InvalidOperationException($"'{model.Name}' is not an embedding model.");

    private ModelPipeline PipelineFor(ModelDefinition model)
    {
        if (_pipelines.TryGetValue(model, out var known) && clock.GetUtcNow() - known.BuiltAt < MaxAge)
        {
            return known;
        }

        var built = Build(model);
        _pipelines.AddOrUpdate(model, built);
        return built;
    }

    private ModelPipeline Build(ModelDefinition model)
    {
        var apiKey = model.Provider is { } provider ? clients.ApiKeyOf(provider) : null;
        if (model.Kind == ModelKind.Chat)
        {
            var chat = new ChatClientBuilder(clients.CreateChatClient(model))
                .Use(inner => new RecordingChatClient(inner, model, tokens, _logger))
                .UseOpenTelemetry(sourceName: PortalTelemetry.Name)
                .Use(inner => new ProviderErrorsChatClient(inner, model, apiKey))
                .Build();
            return new ModelPipeline(clock.GetUtcNow(), chat, null);
        }

        var embeddings = new EmbeddingGeneratorBuilder<string, Embedding<float>>(clients.CreateEmbeddingGenerator(model))
            .Use(inner => new RecordingEmbeddingGenerator(inner, model, tokens, _logger))
            .UseOpenTelemetry(sourceName: PortalTelemetry.Name)
            .Use(inner => new ProviderErrorsEmbeddingGenerator(inner, model, apiKey))
            .Build();
        return new ModelPipeline(clock.GetUtcNow(), null, embeddings);
    }
}
