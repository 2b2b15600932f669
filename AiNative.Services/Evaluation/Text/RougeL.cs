namespace AiNative.Services.Evaluation.Text;

/// <summary>
/// ROUGE-L (Lin, 2004) as Google's rouge-score computes it without stemming: the longest common subsequence of
/// tokens, precision over the prediction, recall over the reference, and their F-measure (β = 1).
/// </summary>
public static class RougeL
{
    public static (double Precision, double Recall, double F) Score(IReadOnlyList<string> reference, IReadOnlyList<string> prediction)
    {
        var common = LongestCommonSubsequence(reference, prediction);
        if (common == 0)
        {
            return (0, 0, 0);
        }

        var precision = (double)common / prediction.Count;
        var recall = (double)common / reference.Count;
        return (precision, recall, 2 * precision * recall / (precision + recall));
    }

    public static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
