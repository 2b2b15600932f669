namespace AiNative.Services.Knowledge;

/// <summary>How one generation of a base's index is built.</summary>
public sealed record GenerationPlan(int Generation, Guid EmbeddingModelId, PartitioningSettings Partitioning);
