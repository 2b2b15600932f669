namespace AiNative.Bench.Knowledge;

/// <summary>Median and 99th percentile of a set of timings, in milliseconds.</summary>
public sealed record LatencyStats(double MedianMs, double P99Ms)
{
    public static LatencyStats Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(Percentile(sorted, 0.5), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"median {MedianMs,8:0.000} ms, p99 {P99Ms,8:0.000} ms";
}
