namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>A model to create or change.</summary>
public sealed record SaveModelRequest
{
    public Guid ProviderId { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>The provider's id for the model, such as <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    public string ProviderModelId { get; init; } = string.Empty;

    public ModelKindDto Kind { get; init; } = ModelKindDto.Chat;

    public int ContextWindow { get; init; }

    /// <summary>The most tokens the model writes in one answer; 0 for embedding models.</summary>
    public int MaxOutputTokens { get; init; }

    /// <summary>US dollars per million input tokens.</summary>
    public decimal InputPricePerMillion { get; init; }

    /// <summary>US dollars per million output tokens.</summary>
    public decimal OutputPricePerMillion { get; init; }

    /// <summary>For embedding models: the length of the vectors, when known.</summary>
    public int? EmbeddingDimensions { get; init; }

    public ModelSettingsDto DefaultSettings { get; init; } = new();
}
