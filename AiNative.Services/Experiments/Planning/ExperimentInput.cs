namespace AiNative.Services.Experiments.Planning;

/// <summary>
/// What a person asks to run: a dataset version (the latest when null), 2–6 variants of which
/// <see cref="BaselineIndex"/> is the baseline, the evaluators (their latest versions are pinned) and an optional
/// cost cap in US dollars.
/// </summary>
public sealed record ExperimentInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public Guid DatasetId { get; init; }

    public int? DatasetVersion { get; init; }

    public IReadOnlyList<VariantInput> Variants { get; init; } = [];

    public int BaselineIndex { get; init; }

    public IReadOnlyList<Guid> EvaluatorIds { get; init; } = [];

    public decimal? CostCap { get; init; }
}
