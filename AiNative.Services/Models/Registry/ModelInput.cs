namespace AiNative.Services.Models.Registry;

/// <summary>What a person enters for a model.</summary>
public sealed record ModelInput
{
    public Guid ProviderId { get; init; }

    public string? Name { get; init; }

    public string? ProviderModelId { get; init; }

    public ModelKind Kind { get; init; }

    public int ContextWindow { get; init; }

    /// <summary>The most tokens the model writes in one answer; 0 for embedding models.</summary>
    public int MaxOutputTokens { get; init; }

    public decimal InputPricePerMillion { get; init; }

    public decimal OutputPricePerMillion { get; init; }

    /// <summary>For embedding models, when known; ignored for chat models.</summary>
    public int? EmbeddingDimensions { get; init; }

    public GenerationSettings DefaultSettings { get; init; } = new();
}
