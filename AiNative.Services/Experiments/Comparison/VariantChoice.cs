namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// How a side's variant was chosen: by the caller; as the best mean on the first evaluator both experiments pinned; as
/// the experiment's baseline; or, comparing an experiment with itself, as the first variant the other side does not use.
/// </summary>
public enum VariantChoice
{
    Chosen = 1,
    Best = 2,
    Baseline = 3,
    First = 4,
}
