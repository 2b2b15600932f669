namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// What a run would take: the calls (items × variants), the estimated cost (rendered prompts counted, answers as long
/// as the items' expected outputs) and the most it can cost (every answer as long as allowed), per variant too.
/// </summary>
public sealed record ExperimentEstimateDto(
    int Items,
    int Calls,
    decimal EstimatedCost,
    decimal MaxCost,
    IReadOnlyList<VariantEstimateDto> Variants,
    IReadOnlyList<string> Notes);
