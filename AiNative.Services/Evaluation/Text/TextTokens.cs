namespace AiNative.Services.Evaluation.Text;

/// <summary>How the text metrics cut text into tokens.</summary>
public static class TextTokens
{
    /// <summary>
    /// Runs of letters and digits, lower-cased; everything else separates them. This is rouge-score's default
    /// tokenizer (without stemming), widened from ASCII to every script.
    /// </summary>
    public static List<string> LowerWords(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// Runs of letters and digits, and each other visible character as a token of its own, case kept: close to
    /// sacrebleu's 13a tokenizer, which splits punctuation from words.
    /// </summary>
    public static List<string> WordsAndPunctuation(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            if (!char.IsWhiteSpace(c))
            {
                tokens.Add(c.ToString());
            }
        }

        return tokens;
    }
}
