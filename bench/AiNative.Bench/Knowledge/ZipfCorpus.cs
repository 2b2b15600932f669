using System.Text;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// Text whose word frequencies follow Zipf's law over a large vocabulary, as natural text does,
/// so that keyword search meets a realistic mix of common and rare terms.
/// </summary>
public sealed class ZipfCorpus
{
    private const double Exponent = 1.07;
    private static readonly string[] Syllables = ["ka", "lo", "mi", "tu", "re", "sa", "no", "vi", "de", "pa", "zu", "fe", "ri", "go", "ba", "te", "ku", "ma", "li", "so"];
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public ZipfCorpus(int vocabulary = 20_000)
    {
        _words = [.. Enumerable.Range(0, vocabulary).Select(Word)];
        _cumulative = new double[vocabulary];
        var total = 0.0;
        for (var rank = 0; rank < vocabulary; rank++)
        {
            total += 1 / Math.Pow(rank + 1, Exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < vocabulary; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public string Sentence(Random random, int words)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            sentence.Append(_words[index < 0 ? Math.Min(~index, _words.Length - 1) : index]).Append(i + 1 < words ? ' ' : '.');
        }

        return sentence.ToString();
    }

    /// <summary>A query of topical words: neither the commonest (stop-word-like) nor the rarest.</summary>
    public string Query(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[random.Next(20, 2_000)]));

    /// <summary>A query of the commonest words, each in a large share of chunks: the worst case for top-k.</summary>
    public string CommonQuery(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[random.Next(0, 20)]));

    private static string Word(int index)
    {
        var word = new StringBuilder();
        var value = index + Syllables.Length;
        while (value > 0)
        {
            word.Append(Syllables[value % Syllables.Length]);
            value /= Syllables.Length;
        }

        return word.ToString();
    }
}
