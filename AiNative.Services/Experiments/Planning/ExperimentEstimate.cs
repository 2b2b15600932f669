namespace AiNative.Services.Experiments.Planning;

/// <summary>
/// What a run will take before it starts: the calls (items × variants) and their cost. <see cref="EstimatedCost"/>
/// counts each rendered prompt's tokens and, for the answer, the item's expected output (or the most the answer may
/// be when the item has none); <see cref="MaxCost"/> is the most it can cost, every answer as long as allowed, as
/// the gateway reserves a budget. Unpriced variants cost 0 and are named.
/// </summary>
public sealed record ExperimentEstimate(
    int Items,
    int Calls,
    decimal EstimatedCost,
    decimal MaxCost,
    IReadOnlyList<VariantEstimate> Variants,
    IReadOnlyList<string> Notes);
