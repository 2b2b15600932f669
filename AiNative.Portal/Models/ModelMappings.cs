using AiNative.Portal.Client.Contracts.Models;
using AiNative.Services.Models;
using AiNative.Services.Models.Connections;
using AiNative.Services.Models.Offline;
using AiNative.Services.Models.Registry;

namespace AiNative.Portal.Models;

/// <summary>Between the registry's entities and the API's DTOs. A provider's key has no way out.</summary>
internal static class ModelMappings
{
    public const string OfflineProviderDescription =
        "Runs inside the portal, with no network and no key: an extractive responder and hashed n-gram embeddings. Not language models.";

    public static ProviderDto ToDto(this ModelProvider provider) => new(
        provider.Id,
        provider.Name,
        (ProviderKindDto)provider.Kind,
        provider.BaseUrl,
        provider.ApiKeyHint,
        provider.TimeoutSeconds,
        provider.Models.Count,
        provider.Kind == ProviderKind.Offline ? OfflineProviderDescription : null,
        provider.UpdatedAt);

    public static ModelDto ToDto(this ModelDefinition model) => new(
        model.Id,
        model.ProviderId,
        model.Provider.Name,
        (ProviderKindDto)model.Provider.Kind,
        model.Name,
        model.ProviderModelId,
        (ModelKindDto)model.Kind,
        model.ContextWindow,
        model.MaxOutputTokens,
        model.InputPricePerMillion,
        model.OutputPricePerMillion,
        model.EmbeddingDimensions,
        model.DefaultSettings.ToDto(),
        DescriptionOf(model),
        model.UpdatedAt);

    public static ConnectionTestDto ToDto(this ConnectionTestResult result) => new(
        (ConnectionOutcomeDto)result.Outcome,
        result.ProviderStatus,
        Math.Round(result.Latency.TotalMilliseconds, 1),
        (ConnectionProbeDto)result.Probe,
        result.ModelIds,
        result.Message,
        result.UnlistedModels);

    public static ProviderInput ToInput(this SaveProviderRequest request) => new()
    {
        Name = request.Name,
        Kind = (ProviderKind)request.Kind,
        BaseUrl = request.BaseUrl,
        ApiKey = request.ApiKey,
        ClearApiKey = request.ClearApiKey,
        TimeoutSeconds = request.TimeoutSeconds,
    };

    public static ModelInput ToInput(this SaveModelRequest request) => new()
    {
        ProviderId = request.ProviderId,
        Name = request.Name,
        ProviderModelId = request.ProviderModelId,
        Kind = (ModelKind)request.Kind,
        ContextWindow = request.ContextWindow,
        MaxOutputTokens = request.MaxOutputTokens,
        InputPricePerMillion = request.InputPricePerMillion,
        OutputPricePerMillion = request.OutputPricePerMillion,
        EmbeddingDimensions = request.EmbeddingDimensions,
        DefaultSettings = request.DefaultSettings is { } settings
            ? new GenerationSettings
            {
                Temperature = settings.Temperature,
                TopP = settings.TopP,
                MaxOutputTokens = settings.MaxOutputTokens,
                ResponseFormat = (ResponseFormat)settings.ResponseFormat,
            }
            : new GenerationSettings(),
    };

    private static ModelSettingsDto ToDto(this GenerationSettings settings) => new()
    {
        Temperature = settings.Temperature,
        TopP = settings.TopP,
        MaxOutputTokens = settings.MaxOutputTokens,
        ResponseFormat = (ResponseFormatDto)settings.ResponseFormat,
    };

    /// <summary>The built-in models say what they are, so nobody takes them for language models.</summary>
    private static string? DescriptionOf(ModelDefinition model) => model.Provider.Kind != ProviderKind.Offline ? null
        : model.Kind == ModelKind.Chat ? OfflineModels.ChatDescription
        : OfflineModels.EmbeddingDescription;
}
