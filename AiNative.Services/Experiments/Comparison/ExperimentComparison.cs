using AiNative.Services.Experiments.Results;

namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// Two variants of two experiments on the same dataset, over the items both ran: each side's figures (as the summary
/// gives them, left marked as the baseline), and per evaluator both pinned, the paired difference. Evaluators only one
/// side pinned are named, not compared.
/// </summary>
public sealed record ExperimentComparison(
    ComparedSide Left,
    ComparedSide Right,
    ItemOverlap Items,
    ExperimentSummary Summary,
    IReadOnlyList<PairedDifference> Differences,
    IReadOnlyList<string> OnlyLeftEvaluators,
    IReadOnlyList<string> OnlyRightEvaluators);
