namespace AiNative.Services.Experiments.Comparison;

/// <summary>One side of a comparison: the experiment (its pinned dataset version, its variants to choose from), the variant compared, and how it was chosen (<see cref="ChosenOn"/> names the evaluator of a best).</summary>
public sealed record ComparedSide(Experiment Experiment, ExperimentVariant Variant, VariantChoice ChosenBy, string? ChosenOn);
