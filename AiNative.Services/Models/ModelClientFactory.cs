using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
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

    public const string OllamaDefaultBaseUrl = "http://localhost:11434";

    /// <summary>
    /// The named HttpClient every provider call goes through; its handler checks the address of each
    /// connection (<see cref="Network.ProviderAddressGuard"/>).
    /// </summary>
    public const string ProviderHttpClient = "model-providers";

    /// <summary>The base URL a provider of <paramref name="kind"/> uses when none is given; null when it needs one.</summary>
    public static string? DefaultBaseUrl(ProviderKind kind) => kind switch
    {
        ProviderKind.OpenAI => OpenAIDefaultBaseUrl,
        ProviderKind.Ollama => OllamaDefaultBaseUrl,
        _ => null,
    };

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
        var key = ApiKeyOf(provider);
        var http = httpClients.CreateClient(ProviderHttpClient);

        // The pipeline's network timeout bounds each request and each streamed read; the
        // HttpClient's own timeout would cut a long stream that is still delivering.
        http.Timeout = Timeout.InfiniteTimeSpan;
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            Endpoint = new Uri(provider.BaseUrl ?? OpenAIDefaultBaseUrl),
            NetworkTimeout = TimeSpan.FromSeconds(provider.TimeoutSeconds),

            // Retries and fallbacks are decided by the caller (the invocation service, the
            // ingestion pipeline), so a failing provider answers at once with its status.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };

        // Servers such as Ollama or vLLM need no key, but the client insists on one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(key) ? "no-key" : key), options);
    }

    /// <summary>An Ollama client for the provider, for chat, embeddings and listing local models.</summary>
    public OllamaApiClient CreateOllama(ModelProvider provider, string modelId = "")
    {
        var http = httpClients.CreateClient(ProviderHttpClient);
        http.BaseAddress = new Uri(provider.BaseUrl ?? OllamaDefaultBaseUrl);
        http.Timeout = TimeSpan.FromSeconds(provider.TimeoutSeconds);

        // Ollama itself takes no key, but a reverse proxy or a hosted Ollama in front of it may.
        if (ApiKeyOf(provider) is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return new OllamaApiClient(http, modelId);
    }

    /// <summary>The provider's API key in clear, for the client and for masking it where a provider echoes it.</summary>
    public string? ApiKeyOf(ModelProvider provider) =>
        provider.ProtectedApiKey is null ? null : secrets.Unprotect(provider.ProtectedApiKey);
}
