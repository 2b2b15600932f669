namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// An item whose score changed from left to right (right − left: one evaluator's, or the mean over the evaluators both
/// pinned), with both cells (outputs, scores, traces) and the item as the right side's version holds it.
/// </summary>
public sealed record ChangedItem(Guid ItemId, long Position, string? Input, string? ExpectedOutput, double Change, ExperimentCell Left, ExperimentCell Right);
