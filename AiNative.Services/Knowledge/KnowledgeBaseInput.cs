namespace AiNative.Services.Knowledge;

/// <summary>What a team sets on a base; a null model takes the team's offline embedding model, null partitioning the defaults.</summary>
public sealed record KnowledgeBaseInput(string Name, string? Description = null, Guid? EmbeddingModelId = null, PartitioningSettings? Partitioning = null);
