using AiNative.Services.Models;

namespace AiNative.Services.Tests.Models;

public sealed class TokenCounterTests
{
    private static readonly TokenCounter Tokens = new();

    /// <summary>Ends and starts that the tokenizer's pieces treat differently: punctuation, digits, contractions, spaces, scripts, emoji, a special token.</summary>
    private static readonly string[] Sides =
    [
        "Refunds take five days.",
        "refunds take five days",
        "The customer's order",
        "It's 2026-12-07 now",
        "See section 4.2",
        "Call `client.Embed(\"x\")` →",
        "Café naïve résumé Straße",
        "東京 の 倉庫",
        "emoji 🚀 launch",
        "ends with a space ",
        "ends with a line\n",
        "  leading spaces and words",
        "\ttab then words",
        "x",
        "I",
        "..." ,
        "<|endoftext|> special token here",
        "a <|endoftext|>",
        "ALLCAPS WORDS HERE",
        "mixed CamelCase words",
        "1234567 digits",
        "line one\nline two",
        "(parenthesised) words",
        "don't stop",
        "東京の倉庫に在庫があります。出荷は明日です。",
        "",
        " ",
        "a\u00A0 b",
        " \u0301e accent first",
        " 𝐀bc wide letter",
        "x.",
        "/y path",
        "line\r\nbreak",
        "para\u2028graph",
    ];

    /// <summary>Pieces of text that the tokenizer's patterns treat apart, for random sides.</summary>
    private static readonly string[] Fragments =
    [
        "a", "Zeta", "é", "東", "京", "1", "23", "4567", " ", "  ", "\n", "\r\n", "\n\n", "\t", "\u00A0", ".", ",", "'", "'s",
        "'T", "/", "-", "(", ")", "\u0301", "𝐀", "🚀", "<|endoftext|>", "<|endof", "text|>", "\u2028", "don", "x.", "?!",
    ];

    public static TheoryData<string> Separators => new() { " ", "\n\n", "\n", "" };

    [Theory]
    [MemberData(nameof(Separators))]
    public void A_join_counted_at_its_words_matches_counting_the_joined_text_whole(string separator)
    {
        var mismatches = (
            from left in Sides
            from right in Sides
            let joined = left + separator + right
            let expected = Tokens.Count(joined)
            let counted = Tokens.CountJoined(left, Tokens.Count(left), separator, right, Tokens.Count(right))
            where counted != expected
            select $"{joined}: {counted} instead of {expected}").ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Random_joins_counted_at_their_words_match_counting_the_joined_text_whole()
    {
        var random = new Random(20261207);
        string Side() => string.Concat(Enumerable.Range(0, random.Next(13)).Select(_ => Fragments[random.Next(Fragments.Length)]));
        string[] separators = [" ", "\n\n", "\n", ""];

        var mismatches = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var (left, separator, right) = (Side(), separators[random.Next(separators.Length)], Side());
            var expected = Tokens.Count(left + separator + right);
            var counted = Tokens.CountJoined(left, Tokens.Count(left), separator, right, Tokens.Count(right));
            if (counted != expected)
            {
                mismatches.Add($"[{left}] + [{separator}] + [{right}]: {counted} instead of {expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Joins_chained_one_after_another_keep_the_count_exact()
    {
        var text = "Start of the chunk.";
        var counted = Tokens.Count(text);
        foreach (var side in Sides)
        {
            counted = Tokens.CountJoined(text, counted, " ", side, Tokens.Count(side));
            text = text + " " + side;
        }

        Assert.Equal(Tokens.Count(text), counted);
    }
}
