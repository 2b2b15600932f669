namespace AiNative.Services.Evaluation.Statistics;

/// <summary>
/// The two-sided exact sign test: under "neither is better", each non-tied pair is a fair coin, so the p-value is the
/// binomial probability of a split at least as uneven as the one seen. Exact at every n (summed in log space, so
/// 100,000 pairs do not underflow); ties carry no direction and are left out, as the test prescribes.
/// </summary>
public static class SignTest
{
    public static double TwoSidedP(int wins, int losses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wins);
        ArgumentOutOfRangeException.ThrowIfNegative(losses);
        var n = wins + losses;
        if (n == 0 || wins == losses)
        {
            return 1;
        }

        var smaller = Math.Min(wins, losses);

        // log P(X = k) for X ~ Binomial(n, ½), from k = 0 upwards, summed with log-sum-exp.
        var logPmf = -n * Math.Log(2);
        var logTail = logPmf;
        for (var k = 0; k < smaller; k++)
        {
            logPmf += Math.Log(n - k) - Math.Log(k + 1);
            var high = Math.Max(logTail, logPmf);
            logTail = high + Math.Log(Math.Exp(logTail - high) + Math.Exp(logPmf - high));
        }

        return Math.Min(1, 2 * Math.Exp(logTail));
    }
}
