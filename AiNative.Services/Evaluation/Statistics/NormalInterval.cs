namespace AiNative.Services.Evaluation.Statistics;

/// <summary>
/// The mean with the normal (central limit) interval, mean ± z·s/√n, in one pass. For thousands of values the
/// bootstrap's resampled means are normal to within the resampling's own error, so this gives the same interval
/// without resampling every value a thousand times.
/// </summary>
public static class NormalInterval
{
    public static MeanInterval? Mean(IReadOnlyList<double> values, double z = PassRate.Z95)
    {
        if (values.Count == 0)
        {
            return null;
        }

        // Welford's update: one pass, no loss of precision from summing squares.
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (values[i] - mean);
        }

        var half = values.Count < 2 ? 0 : z * Math.Sqrt(squares / (values.Count - 1) / values.Count);
        return new MeanInterval(mean, mean - half, mean + half, values.Count);
    }
}
