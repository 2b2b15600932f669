using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Models;

/// <summary>A model a team may use: which provider serves it, its limits and its prices.</summary>
public sealed class ModelDefinition : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid ProviderId { get; set; }

    public ModelProvider Provider { get; set; } = null!;

    /// <summary>The name the team uses for it; unique in the team.</summary>
    public required string Name { get; set; }

    /// <summary>The provider's id for the model, such as <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    public required string ProviderModelId { get; set; }

    public ModelKind Kind { get; set; }

    public int ContextWindow { get; set; }

    public int MaxOutputTokens { get; set; }

    /// <summary>Price in US dollars per million input tokens.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>Price in US dollars per million output tokens.</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>For embedding models: the length of the vectors it returns.</summary>
    public int? EmbeddingDimensions { get; set; }

    public GenerationSettings DefaultSettings { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The cost of a call, rounded to what the database keeps (<see cref="Money"/>), so it reads back unchanged.</summary>
    public decimal CostOf(long inputTokens, long outputTokens) =>
        Money.Round(((inputTokens * InputPricePerMillion) + (outputTokens * OutputPricePerMillion)) / 1_000_000m);
}
