namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// A comparison: the sides, how their items overlap, each side's figures over the shared items (as the summary gives
/// them, left first and marked as the baseline), the paired difference per evaluator both pinned, and the evaluators only one side pinned.
/// </summary>
public sealed record ExperimentComparisonDto(
    ComparedSideDto Left,
    ComparedSideDto Right,
    ItemOverlapDto Items,
    ExperimentSummaryDto Summary,
    IReadOnlyList<PairedDifferenceDto> Differences,
    IReadOnlyList<string> OnlyLeftEvaluators,
    IReadOnlyList<string> OnlyRightEvaluators);
