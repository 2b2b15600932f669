namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// The figures per variant in the variants' order; each variant's scores follow <see cref="Evaluators"/> and its
/// latency counts <see cref="LatencyBuckets"/> (null before any cell succeeded).
/// </summary>
public sealed record ExperimentSummaryDto(IReadOnlyList<string> Evaluators, IReadOnlyList<VariantSummaryDto> Variants, LatencyBucketsDto? LatencyBuckets);
