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

        var logSum = 0.0;
        for (var n = 1; n <= MaxOrder; n++)
        {
            var hypothesisCounts = NGrams(hypothesis, n);
            var maxReferenceCounts = new Dictionary<string, int>();
            foreach (var reference in references)
            {
                foreach (var (gram, count) in NGrams(reference, n))
                {
                    maxReferenceCounts[gram] = Math.Max(count, maxReferenceCounts.GetValueOrDefault(gram));
                }
            }

            var clipped = hypothesisCounts.Sum(g => Math.Min(g.Value, maxReferenceCounts.GetValueOrDefault(g.Key)));
            var total = Math.Max(1, hypothesisCounts.Values.Sum());
            if (n == 1 && clipped == 0)
            {
                return 0;
            }

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

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            // A separator no tokenizer keeps inside a token.
            var gram = n == 1 ? tokens[i] : string.Join('\u0001', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
