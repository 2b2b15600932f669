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

        return Interval(values.Count, mean, squares, z);
    }

    /// <summary>
    /// The same interval from a sum and a sum of squares, as a database adds them up: precise for scores, whose mean is
    /// never large against their spread.
    /// </summary>
    public static MeanInterval? FromSums(int count, double sum, double sumOfSquares, double z = PassRate.Z95) =>
        count == 0 ? null : Interval(count, sum / count, Math.Max(0, sumOfSquares - (sum * sum / count)), z);

    /// <param name="squares">The sum of squared differences from the mean.</param>
    private static MeanInterval Interval(int count, double mean, double squares, double z)
    {
        var half = count < 2 ? 0 : z * Math.Sqrt(squares / (count - 1) / count);
        return new MeanInterval(mean, mean - half, mean + half, count);
    }
}
