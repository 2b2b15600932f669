using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Teams;

namespace AiNative.Services.Knowledge;

/// <summary>
/// A searchable collection of documents. Its index is built in generations: searches read the
/// active generation while a changed embedding model or partitioning builds the next one, which
/// replaces it when complete.
/// </summary>
public sealed class KnowledgeBase : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>Unique in the team; the API's <c>index</c>.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The embedding model the team chose; the active generation may still use the previous one.</summary>
    public Guid EmbeddingModelId { get; set; }

    public ModelDefinition EmbeddingModel { get; set; } = null!;

    /// <summary>The partitioning the team chose.</summary>
    public PartitioningSettings Partitioning { get; set; } = new();

    /// <summary>The generation searches read.</summary>
    public int ActiveGeneration { get; set; } = 1;

    /// <summary>The embedding model the active generation was built with; queries are embedded with it.</summary>
    public Guid ActiveEmbeddingModelId { get; set; }

    public PartitioningSettings ActivePartitioning { get; set; } = new();

    /// <summary>The generation being built with the chosen model and partitioning, while re-indexing.</summary>
    public int? BuildingGeneration { get; set; }

    /// <summary>Why the last re-index stopped; the active generation kept answering.</summary>
    public string? ReindexError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What a generation is built with, or null for a generation that is neither active nor being built.</summary>
    public GenerationPlan? PlanFor(int generation) =>
        generation == BuildingGeneration ? new GenerationPlan(generation, EmbeddingModelId, Partitioning)
        : generation == ActiveGeneration ? new GenerationPlan(generation, ActiveEmbeddingModelId, ActivePartitioning)
        : null;
}
