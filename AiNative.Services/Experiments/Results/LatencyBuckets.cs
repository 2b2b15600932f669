namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Equal-width latency buckets that every variant's histogram shares, so bars of the same bucket compare: from the
/// fastest cell's latency rounded down to the width, at most <see cref="MaxCount"/> buckets, each 1, 2 or 5 times a
/// power of ten milliseconds wide (edges people read at a glance).
/// </summary>
public sealed record LatencyBuckets(double StartMs, double WidthMs, int Count)
{
    public const int MaxCount = 12;

    /// <summary>Buckets covering the latencies from <paramref name="fastestMs"/> to <paramref name="slowestMs"/>.</summary>
    public static LatencyBuckets Covering(double fastestMs, double slowestMs)
    {
        var width = NiceWidth(Math.Max(slowestMs - fastestMs, 1) / MaxCount);
        var start = Math.Floor(fastestMs / width) * width;
        while (start + (width * MaxCount) <= slowestMs)
        {
            // The start rounded down can push the slowest cell past the last bucket: widen to the next nice width.
            width = NiceWidth(width * 1.01);
            start = Math.Floor(fastestMs / width) * width;
        }

        var count = (int)Math.Floor((slowestMs - start) / width) + 1;
        return new LatencyBuckets(start, width, Math.Min(count, MaxCount));
    }

    /// <summary>How many of <paramref name="latenciesMs"/> fall in each bucket (a bucket holds its start, not its end).</summary>
    public int[] Tally(IEnumerable<double> latenciesMs)
    {
        var counts = new int[Count];
        foreach (var latency in latenciesMs)
        {
            counts[Math.Clamp((int)Math.Floor((latency - StartMs) / WidthMs), 0, Count - 1)]++;
        }

        return counts;
    }

    private static double NiceWidth(double atLeast)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(atLeast)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(w => w >= atLeast);
    }
}
