using AiNative.Services.Prompts;

namespace AiNative.Services.Experiments.Planning;

/// <summary>An input checked against the team's datasets, prompts, models and evaluators, with everything it names resolved.</summary>
public sealed record ExperimentPlan(
    string Name,
    string? Description,
    Guid DatasetId,
    string DatasetName,
    int DatasetVersion,
    int ItemCount,
    IReadOnlyList<PlannedVariant> Variants,
    IReadOnlyList<PinnedEvaluator> Evaluators,
    decimal? CostCap);

/// <summary>A variant with its prompt version and model loaded.</summary>
public sealed record PlannedVariant(ExperimentVariant Variant, PromptVersion Version, Models.ModelDefinition Model);
