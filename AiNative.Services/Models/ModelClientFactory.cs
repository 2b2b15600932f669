using System.ClientModel;
using System.ClientModel.Primitives;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Secrets;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace AiNative.Services.Models;

/// <summary>
/// Turns a registered model into a <see cref="IChatClient"/> or an embedding generator for its
/// provider. Nothing else in the portal knows how a provider is reached.
/// </summary>
public sealed class ModelClientFactory(SecretProtector secrets, TokenCounter tokens, IHttpClientFactory httpClients)
{
    public const string OpenAIDefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>The named HttpClient used for Ollama's native API.</summary>
    public const string OllamaHttpClient = "ollama";

    public IChatClient CreateChatClient(ModelDefinition model)
    {
        var provider = model.Provider ?? throw new InvalidOperationException("Load the model with its provider.");
        return provider.Kind switch
        {
            ProviderKind.Offline => new OfflineChatClient(model.ProviderModelId, tokens),
            ProviderKind.Ollama => CreateOllama(provider, model.ProviderModelId),
            _ => CreateOpenAI(provider).GetChatClient(model.ProviderModelId).AsIChatClient(),
        };
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelDefinition model)
    {
        var provider = model.Provider ?? throw new InvalidOperationException("Load the model with its provider.");
        return provider.Kind switch
        {
            ProviderKind.Offline => new OfflineEmbeddingGenerator(
                model.ProviderModelId, model.EmbeddingDimensions ?? OfflineModels.EmbeddingDimensions, tokens),
            ProviderKind.Ollama => CreateOllama(provider, model.ProviderModelId),
            // No "dimensions" parameter: older models refuse it; the invoker checks the length it gets back.
            _ => CreateOpenAI(provider).GetEmbeddingClient(model.ProviderModelId).AsIEmbeddingGenerator(),
        };
    }

    /// <summary>An OpenAI client for the provider, for calls beyond chat and embeddings (listing models).</summary>
    public OpenAIClient CreateOpenAI(ModelProvider provider)
    {
        var key = provider.ProtectedApiKey is null ? null : secrets.Unprotect(provider.ProtectedApiKey);
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.BaseUrl ?? OpenAIDefaultBaseUrl),
            NetworkTimeout = TimeSpan.FromSeconds(provider.TimeoutSeconds),

            // Retries and fallbacks are decided by the caller (the invocation service, the
            // ingestion pipeline), so a failing provider answers at once with its status.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };

        // Servers such as Ollama or vLLM need no key, but the client insists on one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(key) ? "no-key" : key), options);
    }

    private OllamaApiClient CreateOllama(ModelProvider provider, string modelId)
    {
        var http = httpClients.CreateClient(OllamaHttpClient);
        http.BaseAddress = new Uri(provider.BaseUrl ?? "http://localhost:11434");
        http.Timeout = TimeSpan.FromSeconds(provider.TimeoutSeconds);
        return new OllamaApiClient(http, modelId);
    }
}
