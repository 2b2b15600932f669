using AiNative.Services.Evaluation.Statistics;

namespace AiNative.Services.Tests.Evaluation;

/// <summary>
/// Reference figures come from python3's standard library (scipy and numpy are not installed here); each test gives
/// the command. statistics.quantiles(method='inclusive') is numpy's default linear percentile.
/// </summary>
public sealed class StatisticsTests
{
    private static readonly double[] Scores =
        [0.2, 0.9, 0.75, 0.4, 1.0, 0.6, 0.85, 0.3, 0.95, 0.7, 0.55, 0.8, 0.65, 0.1, 0.9, 0.45, 0.7, 0.85, 0.5, 0.6];

    [Fact]
    public void Percentiles_interpolate_linearly_as_numpy_does()
    {
        // python3 -c "import statistics; q=statistics.quantiles([12,3,7,25,18,9,41,5,30,14],n=100,method='inclusive'); print(q[49],q[94],q[9])"
        // → 13.0 36.05 4.8
        double[] latencies = [12, 3, 7, 25, 18, 9, 41, 5, 30, 14];
        Assert.Equal(13.0, Percentiles.Of(latencies, 50)!.Value, 9);
        Assert.Equal(36.05, Percentiles.Of(latencies, 95)!.Value, 9);
        Assert.Equal(4.8, Percentiles.Of(latencies, 10)!.Value, 9);
        Assert.Null(Percentiles.Of([], 50));
    }

    [Fact]
    public void Bootstrap_interval_agrees_with_a_reference_bootstrap_and_is_reproducible()
    {
        // python3: random.seed(7); means = sorted(statistics.fmean(random.choices(scores, k=20)) for _ in range(100000));
        // q = statistics.quantiles(means, n=40, method='inclusive') → mean 0.6375, 2.5% 0.5275, 97.5% 0.7425.
        // Another generator gives other resamples: the interval agrees within the Monte Carlo error of 10,000 resamples.
        var interval = Bootstrap.Mean(Scores)!;

        Assert.Equal(0.6375, interval.Mean, 12);
        Assert.Equal(0.5275, interval.Low, 2);
        Assert.Equal(0.7425, interval.High, 2);
        Assert.Equal(interval, Bootstrap.Mean(Scores));
        Assert.NotEqual(interval, Bootstrap.Mean(Scores, seed: 1));
        Assert.Equal(new MeanInterval(0.5, 0.5, 0.5, 3), Bootstrap.Mean([0.5, 0.5, 0.5]));
        Assert.Null(Bootstrap.Mean([]));
    }

    [Fact]
    public void Normal_interval_is_the_mean_with_z_standard_errors_and_agrees_with_the_bootstrap_on_a_large_sample()
    {
        // python3: m = statistics.fmean(scores); h = 1.959963984540054 * statistics.stdev(scores) / math.sqrt(20)
        // → 0.5264739379874696 0.7485260620125304
        var small = NormalInterval.Mean(Scores)!;
        Assert.Equal(0.6375, small.Mean, 12);
        Assert.Equal(0.5264739379874696, small.Low, 12);
        Assert.Equal(0.7485260620125304, small.High, 12);
        Assert.Equal(20, small.Count);
        Assert.Equal(new MeanInterval(0.5, 0.5, 0.5, 1), NormalInterval.Mean([0.5]));
        Assert.Null(NormalInterval.Mean([]));

        // 6,000 skewed scores (mostly passes, a long tail of low ones): the interval experiments show for large samples.
        var random = new Random(3);
        var large = Enumerable.Range(0, 6_000).Select(_ => random.NextDouble() < 0.85 ? 1.0 : Math.Pow(random.NextDouble(), 3)).ToArray();
        var normal = NormalInterval.Mean(large)!;
        var bootstrap = Bootstrap.Mean(large, resamples: 4_000)!;
        Assert.Equal(bootstrap.Mean, normal.Mean, 9);
        Assert.Equal(bootstrap.Low, normal.Low, 3);
        Assert.Equal(bootstrap.High, normal.High, 3);
    }

    [Fact]
    public void Pass_rate_has_a_wilson_interval()
    {
        // python3 with the Wilson formula, z = 1.959963984540054:
        // 8/10 → (0.4901624715366418, 0.9433178485456248); 0/10 → (0, 0.2775327998628892); 45/50 → (0.7863976856252035, 0.9565242350681096)
        var eight = PassRate.Of(8, 10)!;
        Assert.Equal(0.8, eight.Rate, 12);
        Assert.Equal(0.4901624715366418, eight.Low, 12);
        Assert.Equal(0.9433178485456248, eight.High, 12);
        Assert.Equal(0, PassRate.Of(0, 10)!.Low);
        Assert.Equal(0.2775327998628892, PassRate.Of(0, 10)!.High, 12);
        Assert.Equal(0.7863976856252035, PassRate.Of(45, 50)!.Low, 12);
        Assert.Equal(0.9565242350681096, PassRate.Of(45, 50)!.High, 12);
        Assert.Null(PassRate.Of(0, 0));
    }

    [Fact]
    public void Win_tie_loss_uses_an_exact_sign_test()
    {
        // python3: from fractions import Fraction; p = min(1, 2*Fraction(sum(math.comb(n,k) for k in range(min(w,l)+1)), 2**n))
        // (9, 1) → 0.021484375; (15, 5) → 0.04138946533203125; (5200, 4800) → 6.593515598672442e-05; (0, 4) → 0.125
        Assert.Equal(0.021484375, SignTest.TwoSidedP(9, 1), 12);
        Assert.Equal(0.04138946533203125, SignTest.TwoSidedP(15, 5), 12);
        Assert.Equal(6.593515598672442e-05, SignTest.TwoSidedP(5200, 4800), 9);
        Assert.Equal(0.125, SignTest.TwoSidedP(0, 4), 12);
        Assert.Equal(1, SignTest.TwoSidedP(3, 3));

        var pairs = Enumerable.Range(0, 9).Select(_ => (0.9, 0.5)).Append((0.4, 0.6)).Append((0.7, 0.7)).ToList();
        var comparison = WinTieLoss.Of(pairs);
        Assert.Equal((9, 1, 1), (comparison.Wins, comparison.Ties, comparison.Losses));
        Assert.Equal(0.021484375, comparison.PValue, 12);
        Assert.True(comparison.IsSignificant());
    }

    [Fact]
    public void Judge_calibration_on_a_hand_labelled_set()
    {
        // Twelve answers a person and the judge labelled. By hand: rows human, columns judge, labels [fail, pass]:
        // [[3, 2], [1, 6]]; accuracy 9/12 = 0.75; chance agreement 5/12·4/12 + 7/12·8/12 = 76/144;
        // kappa = (108 − 76) / (144 − 76) = 8/17.
        string[] human = ["pass", "pass", "pass", "pass", "pass", "pass", "fail", "fail", "fail", "fail", "pass", "fail"];
        string[] judge = ["pass", "pass", "pass", "pass", "fail", "pass", "fail", "fail", "pass", "fail", "pass", "pass"];

        var calibration = JudgeCalibration.Of(judge.Zip(human).ToList())!;

        Assert.Equal(12, calibration.Count);
        Assert.Equal(0.75, calibration.Accuracy, 12);
        Assert.Equal(8 / 17.0, calibration.Kappa!.Value, 12);
        Assert.Equal(["fail", "pass"], calibration.Labels);
        Assert.Equal([[3, 2], [1, 6]], calibration.Matrix.Select(row => row.ToArray()).ToArray());
        Assert.Null(JudgeCalibration.Of(new[] { ("pass", "pass"), ("pass", "pass") })!.Kappa);
    }
}
