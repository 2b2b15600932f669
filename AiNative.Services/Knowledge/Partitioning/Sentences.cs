namespace AiNative.Services.Knowledge.Partitioning;

/// <summary>Splits text after sentence-ending punctuation followed by white space, and at line breaks.</summary>
internal static class Sentences
{
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ends = text[i] == '\n'
                || (text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
            if (ends)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }
}
