namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>The figures per variant in the variants' order; each variant's scores follow <see cref="Evaluators"/>.</summary>
public sealed record ExperimentSummaryDto(IReadOnlyList<string> Evaluators, IReadOnlyList<VariantSummaryDto> Variants);
