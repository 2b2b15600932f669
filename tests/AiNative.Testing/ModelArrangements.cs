using AiNative.Services.Models;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Secrets;

namespace AiNative.Testing;

/// <summary>Registers providers and models directly in the database, for tests that are not about the registry.</summary>
public static class ModelArrangements
{
    /// <summary>An OpenAI-compatible provider at <paramref name="baseUrl"/> with one model; returns the model.</summary>
    public static async Task<ModelDefinition> AddOpenAiCompatibleModelAsync(
        this TeamScope scope,
        string baseUrl,
        string providerModelId,
        ModelKind kind = ModelKind.Chat,
        string apiKey = FakeOpenAiServer.ApiKey,
        int timeoutSeconds = 10,
        int contextWindow = 128_000,
        int maxOutputTokens = 4_096,
        decimal inputPrice = 2m,
        decimal outputPrice = 8m,
        int? embeddingDimensions = null)
    {
        await using var db = await scope.DbAsync();
        var provider = new ModelProvider
        {
            Name = $"Fake {Guid.NewGuid():N}"[..16],
            Kind = ProviderKind.OpenAICompatible,
            BaseUrl = baseUrl,
            ProtectedApiKey = scope.Get<SecretProtector>().Protect(apiKey),
            ApiKeyHint = SecretProtector.Hint(apiKey),
            TimeoutSeconds = timeoutSeconds,
        };
        var model = new ModelDefinition
        {
            Provider = provider,
            Name = $"{providerModelId}-{Guid.NewGuid():N}"[..Math.Min(90, providerModelId.Length + 9)],
            ProviderModelId = providerModelId,
            Kind = kind,
            ContextWindow = contextWindow,
            MaxOutputTokens = kind == ModelKind.Chat ? maxOutputTokens : 0,
            InputPricePerMillion = inputPrice,
            OutputPricePerMillion = outputPrice,
            EmbeddingDimensions = embeddingDimensions,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();

        // Written past the registry, so the caches that the registry would empty are emptied here.
        scope.Get<ModelCatalog>().Invalidate(model.TeamId);
        return model;
    }

    /// <summary>The seeded offline model of the demo team with the given provider model id.</summary>
    public static async Task<ModelDefinition> OfflineModelAsync(this TeamScope scope, string providerModelId)
    {
        await using var db = await scope.DbAsync();
        return db.Models.Single(m => m.ProviderModelId == providerModelId && m.Provider.Kind == ProviderKind.Offline);
    }
}
