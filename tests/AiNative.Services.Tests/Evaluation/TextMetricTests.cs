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
}
