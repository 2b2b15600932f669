namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The relevance of a keyword or hybrid hit, from 0 to 1: a logistic curve over the evidence, which weighs how many
/// of the query's words the chunk holds (word forms alike, common words left out) above its similarity to the
/// query. The words carry most because they are the same signal whatever the embedding model and the database's
/// keyword ranking (BM25 on SQLite, ts_rank_cd on PostgreSQL), whose raw scores are not comparable from one query
/// to the next. The weights and the midpoint were set on the labelled licence questions the tests keep
/// (tests/AiNative.Services.Tests/Knowledge/Calibration): there 0.5 separates the chunks that answer a question
/// from those of questions that only share a word or two with the base.
/// </summary>
public static class Relevance
{
    /// <summary>The relevance at which a hit is as likely to answer as not: the default gate of answers.</summary>
    public const double Threshold = 0.5;

    private const double WordsWeight = 0.7;
    private const double SimilarityWeight = 0.3;
    private const double Midpoint = 0.45;
    private const double Steepness = 12;

    /// <param name="wordsMatched">The share of the query's words (0 to 1) found in the chunk.</param>
    /// <param name="similarity">The cosine similarity to the query, or null in keyword mode (counted as none).</param>
    public static double Of(double wordsMatched, double? similarity)
    {
        var evidence = (WordsWeight * wordsMatched) + (SimilarityWeight * Math.Max(0, similarity ?? 0));
        return 1 / (1 + Math.Exp(-Steepness * (evidence - Midpoint)));
    }
}
