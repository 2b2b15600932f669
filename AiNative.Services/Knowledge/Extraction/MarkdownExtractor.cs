using System.Text;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Sections by ATX headings (<c># Title</c>), paragraphs by blank lines; fenced code stays one paragraph.</summary>
internal sealed class MarkdownExtractor : IDocumentExtractor
{
    private const int MaxHeadingLevel = 6;

    public DocumentFormat Format => DocumentFormat.Markdown;

    public ExtractedDocument Extract(Stream content) => Parse(TextDecoding.Decode(content));

    public static ExtractedDocument Parse(string markdown)
    {
        var sections = new SectionBuilder();
        var paragraph = new StringBuilder();
        string? fence = null;
        foreach (var rawLine in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                Append(paragraph, line);
                continue;
            }

            if (fence is not null)
            {
                Append(paragraph, line);
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                    Flush(sections, paragraph);
                }

                continue;
            }

            if (HeadingLevel(trimmed) is { } level)
            {
                Flush(sections, paragraph);
                sections.Heading(level, trimmed[level..].Trim().TrimEnd('#').Trim());
                continue;
            }

            if (line.Length == 0)
            {
                Flush(sections, paragraph);
                continue;
            }

            Append(paragraph, line);
        }

        Flush(sections, paragraph);
        return sections.Build();
    }

    private static int? HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is > 0 and <= MaxHeadingLevel && (line.Length == level || line[level] == ' ') ? level : null;
    }

    private static void Append(StringBuilder paragraph, string line)
    {
        if (paragraph.Length > 0)
        {
            paragraph.Append('\n');
        }

        paragraph.Append(line);
    }

    private static void Flush(SectionBuilder sections, StringBuilder paragraph)
    {
        sections.Paragraph(paragraph.ToString());
        paragraph.Clear();
    }
}
