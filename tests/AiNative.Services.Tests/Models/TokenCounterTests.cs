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
