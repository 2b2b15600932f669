namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>The equal-width latency buckets every variant's histogram shares: <see cref="Count"/> buckets from <see cref="StartMs"/>.</summary>
public sealed record LatencyBucketsDto(double StartMs, double WidthMs, int Count);
