namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>An experiment in full: what it runs, its estimate and cap, where it stands, and the summary per variant.</summary>
public sealed record ExperimentDetailsDto(
    Guid Id,
    string Name,
    string? Description,
    Guid DatasetId,
    string DatasetName,
    int DatasetVersion,
    int ItemCount,
    IReadOnlyList<ExperimentVariantDto> Variants,
    IReadOnlyList<PinnedEvaluatorDto> Evaluators,
    decimal? CostCap,
    int EstimatedCalls,
    decimal EstimatedCost,
    ExperimentProgressDto Progress,
    long InputTokens,
    long OutputTokens,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? StartedBy,
    ExperimentSummaryDto Summary);
