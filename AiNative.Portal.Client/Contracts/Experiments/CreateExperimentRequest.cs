namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// An experiment to create: a dataset version (the latest when null), 2–6 variants of which
/// <see cref="BaselineIndex"/> is the baseline, evaluators (their latest versions are pinned) and an optional cost cap in US dollars.
/// </summary>
public sealed record CreateExperimentRequest(
    string? Name,
    Guid DatasetId,
    IReadOnlyList<VariantRequest>? Variants,
    int BaselineIndex = 0,
    IReadOnlyList<Guid>? EvaluatorIds = null,
    decimal? CostCap = null,
    int? DatasetVersion = null,
    string? Description = null);
