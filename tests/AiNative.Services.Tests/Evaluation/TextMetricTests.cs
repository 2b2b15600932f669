using AiNative.Services.Evaluation.Text;

namespace AiNative.Services.Tests.Evaluation;

public sealed class TextMetricTests
{
    // The example of NLTK's sentence_bleu documentation (nltk/translate/bleu_score.py), after Papineni et al.
    private static readonly string[] Hypothesis1 = "It is a guide to action which ensures that the military always obeys the commands of the party".Split(' ');
    private static readonly string[] Hypothesis2 = "It is to insure the troops forever hearing the activity guidebook that party direct".Split(' ');
    private static readonly string[] Reference1 = "It is a guide to action that ensures that the military will forever heed Party commands".Split(' ');
    private static readonly string[] Reference2 = "It is the guiding principle which guarantees the military forces always being under the command of the Party".Split(' ');
    private static readonly string[] Reference3 = "It is the practical guide for the army always to heed the directions of the party".Split(' ');

    [Fact]
    public void Bleu_matches_nltk_on_its_documented_examples()
    {
        // NLTK documents sentence_bleu([reference1, reference2, reference3], hypothesis1) = 0.5045...; every n-gram
        // order has a match, so smoothing plays no part. Full digits from the same formula in python3:
        // clipped precisions 17/18, 10/17, 7/16, 4/15, BP 1 (18 tokens, closest reference 18) → 0.5045666840058485.
        Assert.Equal(0.5045666840058485, Bleu.Sentence([Reference1, Reference2, Reference3], Hypothesis1), 12);

        // NLTK documents sentence_bleu([reference1], hypothesis1) = 0.4118...
        Assert.Equal(0.41180376356915777, Bleu.Sentence([Reference1], Hypothesis1), 12);

        // NLTK documents sentence_bleu(..., hypothesis2, smoothing_function=SmoothingFunction().method1) = 0.0370...:
        // hypothesis2 has no matching 3- or 4-gram, which method 1 counts as 0.1 matches.
        Assert.Equal(0.03703131191121491, Bleu.Sentence([Reference1, Reference2, Reference3], Hypothesis2), 12);
    }

    [Fact]
    public void Bleu_smooths_a_missing_four_gram_instead_of_scoring_zero()
    {
        // By hand: precisions 5/6, 3/5, 1/4 and (0 + 0.1)/3, BP 1 (equal lengths):
        // (5/6 · 3/5 · 1/4 · 1/30)^(1/4) = (1/240)^(1/4) = 0.25406637407730737.
        var score = Bleu.Sentence([TextTokens.WordsAndPunctuation("the cat is on the mat")], TextTokens.WordsAndPunctuation("the cat sat on the mat"));

        Assert.Equal(0.25406637407730737, score, 12);
        Assert.Equal(0, Bleu.Sentence([["a", "b"]], ["c", "d"]));
    }

    [Fact]
    public void Rouge_l_matches_rouge_score_on_its_readme_example()
    {
        // rouge-score's README scores target 'The quick brown fox jumps over the lazy dog' against prediction
        // 'The quick brown dog jumps on the log.'. Its tokenizer lower-cases and splits on non-alphanumerics; the
        // LCS is "the quick brown jumps the" (5 tokens): precision 5/8, recall 5/9, F = 2PR/(P+R) = 10/17.
        var (precision, recall, f) = RougeL.Score(
            TextTokens.LowerWords("The quick brown fox jumps over the lazy dog"), TextTokens.LowerWords("The quick brown dog jumps on the log."));

        Assert.Equal(0.625, precision, 12);
        Assert.Equal(5 / 9.0, recall, 12);
        Assert.Equal(10 / 17.0, f, 12);
    }

    [Fact]
    public void Levenshtein_counts_edits_and_normalises_by_the_longer_text()
    {
        Assert.Equal(3, Levenshtein.Distance("kitten", "sitting"));
        Assert.Equal(1 - (3 / 7.0), Levenshtein.Similarity("kitten", "sitting"), 12);
        Assert.Equal(1, Levenshtein.Similarity(string.Empty, string.Empty));
        Assert.Equal(0, Levenshtein.Similarity("abc", "xyz"));
    }

    [Theory]
    [InlineData(5, 8)]
    [InlineData(60, 70)]
    [InlineData(130, 200)]
    [InlineData(700, 650)]
    public void Levenshtein_agrees_with_the_full_table_on_texts_of_every_block_count(int length, int otherLength)
    {
        // Few letters make many matches; 'é' and '漢' take the path for characters outside the direct table.
        const string Letters = "abcé漢 ";
        var random = new Random(length);
        for (var trial = 0; trial < 20; trial++)
        {
            var a = RandomText(random, Letters, length);
            var b = trial % 2 == 0 ? RandomText(random, Letters, otherLength) : Mutate(random, a, Letters);

            Assert.Equal(FullTableDistance(a, b), Levenshtein.Distance(a, b));
        }
    }

    private static string RandomText(Random random, string letters, int length) =>
        string.Create(length, (random, letters), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.letters[state.random.Next(state.letters.Length)];
            }
        });

    /// <summary>A copy with a few edits at random places, like a model output close to its expected output.</summary>
    private static string Mutate(Random random, string text, string letters)
    {
        var chars = text.ToList();
        for (var edit = 0; edit < 1 + (text.Length / 20); edit++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(at, letters[random.Next(letters.Length)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                default:
                    if (at < chars.Count)
                    {
                        chars[at] = letters[random.Next(letters.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>The textbook dynamic programme, as the reference the bit-parallel version must match.</summary>
    private static int FullTableDistance(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = table[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                table[i, j] = Math.Min(substitution, Math.Min(table[i - 1, j], table[i, j - 1]) + 1);
            }
        }

        return table[a.Length, b.Length];
    }
}
