using AiNative.Services.Data;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Models.Registry;

/// <summary>What a model must be before it is saved; every problem is reported at once.</summary>
public static class ModelRules
{
    public const int MaxNameLength = 100;
    public const int MaxProviderModelIdLength = 200;

    /// <summary>Far above any real price; a value beyond it is a slip of the keyboard.</summary>
    public const decimal MaxPricePerMillion = 10_000m;

    public static void Check(ModelInput input, ModelProvider? provider)
    {
        var embedding = input.Kind == ModelKind.Embedding;
        var validation = new Validation()
            .Require(provider is not null, "ProviderId", "Pick a provider of this team.")
            .RequireText(input.Name, "Name", MaxNameLength)
            .Require(!string.IsNullOrWhiteSpace(input.ProviderModelId), "ProviderModelId",
                "Enter the provider's id for the model, such as gpt-4o-mini or llama3.1:8b.")
            .Require((input.ProviderModelId?.Length ?? 0) <= MaxProviderModelIdLength, "ProviderModelId",
                $"The provider's model id must be at most {MaxProviderModelIdLength} characters.")
            .Require(Enum.IsDefined(input.Kind), "Kind", "Pick chat or embedding.")
            .Require(input.ContextWindow >= 1, "ContextWindow", "The context window must be at least 1 token.")
            .Require(input.MaxOutputTokens >= 0, "MaxOutputTokens", "Max output tokens cannot be negative.")
            .Require(input.MaxOutputTokens <= Math.Max(input.ContextWindow, 0), "MaxOutputTokens",
                $"Max output tokens must be at most the context window ({input.ContextWindow:N0}).")
            .Require(!embedding || input.MaxOutputTokens == 0, "MaxOutputTokens", "Embedding models write no answer; leave max output tokens at 0.")
            .Require(!embedding || input.EmbeddingDimensions is null or > 0, "EmbeddingDimensions", "Dimensions must be at least 1, or left empty.");
        CheckPrice(validation, input.InputPricePerMillion, "InputPricePerMillion", "input");
        CheckPrice(validation, input.OutputPricePerMillion, "OutputPricePerMillion", "output");
        CheckDefaults(validation, input.DefaultSettings, input.MaxOutputTokens);
        if (provider?.Kind == ProviderKind.Offline)
        {
            CheckOffline(validation, input);
        }

        validation.ThrowIfInvalid();
    }

    private static void CheckPrice(Validation validation, decimal price, string field, string which) =>
        validation
            .Require(price >= 0, field, $"The {which} price cannot be negative.")
            .Require(price <= MaxPricePerMillion, field, $"The {which} price must be at most {MaxPricePerMillion:N0} US dollars per million tokens.")
            .Require(Money.Round(price) == price, field, $"The {which} price can have at most {Money.Decimals} decimal places.");

    private static void CheckDefaults(Validation validation, GenerationSettings? settings, int maxOutputTokens)
    {
        if (settings is null)
        {
            return;
        }

        validation
            .Require(settings.Temperature is null or >= 0 and <= 2, "DefaultSettings.Temperature", "The default temperature must be between 0 and 2.")
            .Require(settings.TopP is null or >= 0 and <= 1, "DefaultSettings.TopP", "The default top-p must be between 0 and 1.")
            .Require(settings.MaxOutputTokens is null or > 0, "DefaultSettings.MaxOutputTokens", "The default max tokens must be at least 1, or left empty.")
            .Require(settings.MaxOutputTokens is null || maxOutputTokens <= 0 || settings.MaxOutputTokens <= maxOutputTokens,
                "DefaultSettings.MaxOutputTokens", $"The default max tokens must be at most the model's max output tokens ({maxOutputTokens:N0}).")
            .Require(Enum.IsDefined(settings.ResponseFormat), "DefaultSettings.ResponseFormat", "Pick text or JSON.");
    }

    /// <summary>The offline provider serves exactly its two built-in models.</summary>
    private static void CheckOffline(Validation validation, ModelInput input)
    {
        var fits = (input.ProviderModelId, input.Kind) switch
        {
            (OfflineModels.ChatModelId, ModelKind.Chat) => true,
            (OfflineModels.EmbeddingModelId, ModelKind.Embedding) =>
                input.EmbeddingDimensions is null or OfflineModels.EmbeddingDimensions,
            _ => false,
        };
        validation.Require(fits, "ProviderModelId",
            $"The offline provider serves '{OfflineModels.ChatModelId}' (chat) and '{OfflineModels.EmbeddingModelId}' " +
            $"(embedding, {OfflineModels.EmbeddingDimensions} dimensions) only.");
    }
}
