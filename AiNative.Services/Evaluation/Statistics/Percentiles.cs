namespace AiNative.Services.Evaluation.Statistics;

public static class Percentiles
{
    /// <summary>
    /// The <paramref name="percent"/>th percentile (0..100) by linear interpolation between the closest ranks: numpy's
    /// default and Excel's PERCENTILE.INC. Null for no values.
    /// </summary>
    public static double? Of(IEnumerable<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return OfSorted(sorted, percent);
    }

    /// <summary>As <see cref="Of"/> on values already in ascending order.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
