using System.Text;

namespace AiNative.Bench.Knowledge;

/// <summary>Deterministic text for benchmarks: sentences drawn from a fixed vocabulary, so runs compare.</summary>
public static class SyntheticCorpus
{
    private static readonly string[] Words =
    [
        .. "portal model prompt knowledge vector keyword hybrid search chunk document ingestion pipeline token embedding answer citation team gateway trace latency cost dataset experiment evaluation score label version provider offline cache route fallback alias budget policy invoice refund shipping warehouse order customer ticket support billing account security audit backup restore deploy cluster replica database index query filter tag heading page section paragraph sentence summary"
            .Split(' '),
    ];

    public static string Sentence(Random random, int words)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sentence.Append(i == 0 ? char.ToUpperInvariant(Words[random.Next(Words.Length)][0]) + Words[random.Next(Words.Length)][1..] : Words[random.Next(Words.Length)]);
            sentence.Append(i + 1 < words ? ' ' : '.');
        }

        return sentence.ToString();
    }

    /// <summary>A Markdown document of about <paramref name="bytes"/> bytes: headings over paragraphs of sentences.</summary>
    public static string Markdown(int bytes, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var section = 0;
        while (text.Length < bytes)
        {
            text.Append("## Section ").Append(++section).Append("\n\n");
            for (var paragraph = 0; paragraph < 4; paragraph++)
            {
                for (var sentence = 0; sentence < 5; sentence++)
                {
                    text.Append(Sentence(random, 8 + random.Next(10))).Append(' ');
                }

                text.Append("\n\n");
            }
        }

        return text.ToString();
    }
}
