using AiNative.Portal.Client.Contracts.Models;

namespace AiNative.Portal.Components.Pages.Models;

/// <summary>What the model dialog edits.</summary>
public sealed class ModelForm
{
    public Guid ProviderId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string ProviderModelId { get; set; } = string.Empty;

    public ModelKindDto Kind { get; set; } = ModelKindDto.Chat;

    public int ContextWindow { get; set; } = 8_192;

    public int MaxOutputTokens { get; set; } = 2_048;

    public decimal InputPricePerMillion { get; set; }

    public decimal OutputPricePerMillion { get; set; }

    public int? EmbeddingDimensions { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? DefaultMaxOutputTokens { get; set; }

    public ResponseFormatDto ResponseFormat { get; set; } = ResponseFormatDto.Text;

    public static ModelForm For(ModelDto? model, Guid providerId) => model is null ? new() { ProviderId = providerId } : new()
    {
        ProviderId = model.ProviderId,
        Name = model.Name,
        ProviderModelId = model.ProviderModelId,
        Kind = model.Kind,
        ContextWindow = model.ContextWindow,
        MaxOutputTokens = model.MaxOutputTokens,
        InputPricePerMillion = model.InputPricePerMillion,
        OutputPricePerMillion = model.OutputPricePerMillion,
        EmbeddingDimensions = model.EmbeddingDimensions,
        Temperature = model.DefaultSettings.Temperature,
        TopP = model.DefaultSettings.TopP,
        DefaultMaxOutputTokens = model.DefaultSettings.MaxOutputTokens,
        ResponseFormat = model.DefaultSettings.ResponseFormat,
    };

    /// <summary>The request to send: an embedding model writes nothing and has no sampling defaults; a chat model has no dimensions.</summary>
    public SaveModelRequest ToRequest()
    {
        var chat = Kind == ModelKindDto.Chat;
        return new()
        {
            ProviderId = ProviderId,
            Name = Name,
            ProviderModelId = ProviderModelId,
            Kind = Kind,
            ContextWindow = ContextWindow,
            MaxOutputTokens = chat ? MaxOutputTokens : 0,
            InputPricePerMillion = InputPricePerMillion,
            OutputPricePerMillion = OutputPricePerMillion,
            EmbeddingDimensions = chat ? null : EmbeddingDimensions,
            DefaultSettings = chat
                ? new ModelSettingsDto { Temperature = Temperature, TopP = TopP, MaxOutputTokens = DefaultMaxOutputTokens, ResponseFormat = ResponseFormat }
                : new ModelSettingsDto(),
        };
    }
}
