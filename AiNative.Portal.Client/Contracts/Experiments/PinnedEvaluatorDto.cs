namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>An evaluator version the experiment pinned: its name (the score's), number and kind.</summary>
public sealed record PinnedEvaluatorDto(Guid EvaluatorId, string Name, int Version, string Kind);
