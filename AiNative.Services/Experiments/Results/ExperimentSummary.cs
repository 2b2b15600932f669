namespace AiNative.Services.Experiments.Results;

/// <summary>Every variant's figures side by side, the baseline's among them, in the variants' order.</summary>
public sealed record ExperimentSummary(Guid ExperimentId, IReadOnlyList<string> Evaluators, IReadOnlyList<VariantSummary> Variants);
