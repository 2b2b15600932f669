namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A base's settings; a null model means the team's offline embedding model, null partitioning the defaults (or, on update, unchanged).</summary>
public sealed record SaveKnowledgeBaseRequest(string Name, string? Description = null, Guid? EmbeddingModelId = null, PartitioningDto? Partitioning = null);
