namespace AiNative.Services.Evaluation.Text;

/// <summary>
/// Sentence BLEU (Papineni et al., 2002) over 1- to 4-grams with uniform weights, computed as NLTK's
/// <c>sentence_bleu</c> does: clipped n-gram precisions, the brevity penalty against the reference length
/// closest to the hypothesis (the shorter on a tie), and 0 when no unigram matches. Smoothing is Chen and
/// Cherry's (2014) method 1, NLTK's <c>SmoothingFunction().method1</c>: a precision with no matching n-gram
/// counts as <see cref="Epsilon"/> matches instead of 0, so one missing 4-gram does not zero a short sentence.
/// </summary>
public static class Bleu
{
    public const int MaxOrder = 4;

    public const double Epsilon = 0.1;

    public static double Sentence(IReadOnlyList<IReadOnlyList<string>> references, IReadOnlyList<string> hypothesis)
    {
        if (hypothesis.Count == 0 || references.Count == 0)
        {
            return 0;
        }

        // Tokens become small integers, so an n-gram of up to four is one long (16 bits a token) and counting
        // allocates no strings.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var hypothesisIds = Ids(hypothesis, ids);
        var referenceIds = references.Select(r => Ids(r, ids)).ToList();
        if (ids.Count > ushort.MaxValue)
        {
            throw new ArgumentException("BLEU counts at most 65,535 distinct tokens per sentence pair.", nameof(references));
        }

        var logSum = 0.0;
        for (var n = 1; n <= MaxOrder; n++)
        {
            var hypothesisCounts = NGrams(hypothesisIds, n);
            var maxReferenceCounts = new Dictionary<long, int>();
            foreach (var reference in referenceIds)
            {
                foreach (var (gram, count) in NGrams(reference, n))
                {
                    maxReferenceCounts[gram] = Math.Max(count, maxReferenceCounts.GetValueOrDefault(gram));
                }
            }

            var clipped = 0;
            var total = 0;
            foreach (var (gram, count) in hypothesisCounts)
            {
                clipped += Math.Min(count, maxReferenceCounts.GetValueOrDefault(gram));
                total += count;
            }

            if (n == 1 && clipped == 0)
            {
                return 0;
            }

            total = Math.Max(1, total);
            var precision = clipped == 0 ? Epsilon / total : (double)clipped / total;
            logSum += Math.Log(precision) / MaxOrder;
        }

        return BrevityPenalty(references, hypothesis.Count) * Math.Exp(logSum);
    }

    private static double BrevityPenalty(IReadOnlyList<IReadOnlyList<string>> references, int hypothesisLength)
    {
        var closest = references.Select(r => r.Count).OrderBy(length => Math.Abs(length - hypothesisLength)).ThenBy(length => length).First();
        return hypothesisLength > closest ? 1 : Math.Exp(1 - ((double)closest / hypothesisLength));
    }

    private static int[] Ids(IReadOnlyList<string> tokens, Dictionary<string, int> ids)
    {
        var result = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ids.TryGetValue(tokens[i], out var id))
            {
                ids[tokens[i]] = id = ids.Count + 1;
            }

            result[i] = id;
        }

        return result;
    }

    private static Dictionary<long, int> NGrams(int[] tokens, int n)
    {
        var counts = new Dictionary<long, int>();
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            var gram = 0L;
            for (var j = 0; j < n; j++)
            {
                gram = (gram << 16) | (uint)tokens[i + j];
            }

            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
