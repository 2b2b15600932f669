using System.Text;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Splits text into paragraphs at blank lines and tidies their whitespace.</summary>
internal static class Paragraphs
{
    public static List<string> Split(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                Flush(paragraphs, current);
                continue;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        Flush(paragraphs, current);
        return paragraphs;
    }

    /// <summary>Collapses runs of whitespace into single spaces.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString().Trim());
            current.Clear();
        }
    }
}
