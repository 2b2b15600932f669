namespace AiNative.Services.Evaluation.Statistics;

public static class JudgeCalibration
{
    /// <summary>The judge's agreement with human labels (<see cref="Calibration{T}"/>); null when no item has both.</summary>
    public static Calibration<T>? Of<T>(IReadOnlyList<(T Judge, T Human)> pairs)
        where T : notnull
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var labels = pairs.SelectMany(p => new[] { p.Judge, p.Human }).Distinct().Order().ToList();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        var matrix = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var (judge, human) in pairs)
        {
            matrix[index[human]][index[judge]]++;
        }

        double n = pairs.Count;
        var observed = labels.Select((_, i) => matrix[i][i]).Sum() / n;
        var chance = labels.Select((_, i) => matrix[i].Sum() / n * matrix.Sum(row => row[i]) / n).Sum();
        double? kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
        return new Calibration<T>(pairs.Count, observed, kappa, labels, matrix);
    }
}
