namespace AiNative.Services.Evaluation.Statistics;

/// <summary>A share of passes with its Wilson score interval.</summary>
public sealed record PassRate(int Passed, int Count, double Rate, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval (Wilson, 1927): unlike the normal approximation it stays within 0..1 and is honest at
    /// small counts and at rates of 0 or 1. Null for no values.
    /// </summary>
    public static PassRate? Of(int passed, int count, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passed, count);
        if (count == 0)
        {
            return null;
        }

        var p = (double)passed / count;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * count))) / (1 + (z2 / count));
        var half = z / (1 + (z2 / count)) * Math.Sqrt((p * (1 - p) / count) + (z2 / (4.0 * count * count)));
        return new PassRate(passed, count, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
