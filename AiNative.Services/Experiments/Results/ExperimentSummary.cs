namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Every variant's figures side by side, the baseline's among them, in the variants' order; the latency buckets their
/// histograms share (null before any cell succeeded).
/// </summary>
public sealed record ExperimentSummary(Guid ExperimentId, IReadOnlyList<string> Evaluators, IReadOnlyList<VariantSummary> Variants, LatencyBuckets? LatencyBuckets);
