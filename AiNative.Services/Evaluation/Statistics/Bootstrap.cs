namespace AiNative.Services.Evaluation.Statistics;

/// <summary>
/// Percentile bootstrap (Efron): the sample is resampled with replacement <c>resamples</c> times, and the interval is
/// the middle <c>level</c> of the resampled means. The generator is seeded, so a summary shows the same interval
/// every time it is opened.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 10_000;

    public const int DefaultSeed = 20_260_901;

    /// <summary>The mean of <paramref name="values"/> with its bootstrap interval; null for no values.</summary>
    public static MeanInterval? Mean(IReadOnlyList<double> values, double level = 0.95, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (values.Count == 0)
        {
            return null;
        }

        var mean = values.Average();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        var tail = (1 - level) / 2 * 100;
        return new MeanInterval(mean, Percentiles.OfSorted(means, tail), Percentiles.OfSorted(means, 100 - tail), values.Count);
    }
}
