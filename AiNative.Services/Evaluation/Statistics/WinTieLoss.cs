namespace AiNative.Services.Evaluation.Statistics;

/// <summary>
/// How a variant did against the baseline on the items both scored: pairs where it scored higher, the same (within a
/// tolerance), or lower, and the sign test's p-value for "neither is better".
/// </summary>
public sealed record WinTieLoss(int Wins, int Ties, int Losses, double PValue)
{
    /// <summary>Compares paired scores (variant, baseline) of the same items; higher is better.</summary>
    public static WinTieLoss Of(IEnumerable<(double Variant, double Baseline)> pairs, double tolerance = 1e-9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        int wins = 0, ties = 0, losses = 0;
        foreach (var (variant, baseline) in pairs)
        {
            var difference = variant - baseline;
            if (Math.Abs(difference) <= tolerance)
            {
                ties++;
            }
            else if (difference > 0)
            {
                wins++;
            }
            else
            {
                losses++;
            }
        }

        return new WinTieLoss(wins, ties, losses, SignTest.TwoSidedP(wins, losses));
    }

    /// <summary>Whether the difference is significant at <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
