using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Models;

namespace AiNative.Services.Knowledge.Partitioning;

/// <summary>
/// Cuts extracted text into chunks of at most <see cref="PartitioningSettings.MaxTokensPerChunk"/>
/// tokens (counted with the portal's tokenizer), each starting with up to
/// <see cref="PartitioningSettings.OverlapTokens"/> tokens from the end of the previous chunk.
/// The Markdown splitter keeps sections (headings) apart and paragraphs whole where they fit;
/// the plain-text splitter packs sentences. Neither crosses a page.
/// </summary>
public sealed class TextPartitioner(TokenCounter tokens)
{
    /// <summary>What joining the overlap to a unit may add to their counts: the separator, and the unit's first word re-cut.</summary>
    private const int JoinSlack = 2;

    public IReadOnlyList<PartitionedChunk> Partition(ExtractedDocument document, PartitioningSettings settings)
    {
        var max = settings.MaxTokensPerChunk;
        var overlap = Math.Clamp(settings.OverlapTokens, 0, max / 2);
        var markdown = settings.Splitter == SplitterKind.Markdown;
        var chunks = new List<PartitionedChunk>();

        // The chunk being built: its first unit (where it sits), its text (overlap and units joined) and its exact tokens,
        // counted at each join (TokenCounter.CountJoined) rather than whole, which made partitioning count text five times.
        TextUnit? first = null;
        var text = string.Empty;
        var counted = 0;
        foreach (var unit in Units(document, max, markdown))
        {
            var prefix = string.Empty;
            if (first is not null && SameBoundary(first, unit, markdown))
            {
                var separator = Separator(unit, markdown);
                var with = tokens.CountJoined(text, counted, separator, unit.Text, unit.Tokens);
                if (with <= max)
                {
                    (text, counted) = (text + separator + unit.Text, with);
                    continue;
                }

                prefix = Tail(text, overlap);
            }

            if (first is not null)
            {
                chunks.Add(new PartitionedChunk(text, counted, first.Page, first.Heading));
            }

            first = unit;
            (text, counted) = Open(prefix, unit, max, markdown);
        }

        if (first is not null)
        {
            chunks.Add(new PartitionedChunk(text, counted, first.Page, first.Heading));
        }

        return chunks;
    }

    /// <summary>
    /// A chunk's text and tokens, opening with the end of the chunk before. The overlap gives way to content: it
    /// shrinks until the unit fits beside it, and is left out when it cannot.
    /// </summary>
    private (string Text, int Tokens) Open(string prefix, TextUnit unit, int max, bool markdown)
    {
        var room = max - unit.Tokens - JoinSlack;
        if (prefix.Length == 0 || room <= 0)
        {
            return (unit.Text, unit.Tokens);
        }

        var prefixTokens = tokens.Count(prefix);
        if (prefixTokens > room)
        {
            prefix = Tail(prefix, room);
            prefixTokens = tokens.Count(prefix);
        }

        var separator = Separator(unit, markdown);
        var joined = prefix.Length > 0 ? tokens.CountJoined(prefix, prefixTokens, separator, unit.Text, unit.Tokens) : int.MaxValue;
        return joined <= max ? (prefix + separator + unit.Text, joined) : (unit.Text, unit.Tokens);
    }

    private static bool SameBoundary(TextUnit first, TextUnit next, bool markdown) =>
        markdown ? first.Section == next.Section : first.Page == next.Page;

    private static string Separator(TextUnit unit, bool markdown) => markdown && unit.StartsParagraph ? "\n\n" : " ";

    /// <summary>The end of <paramref name="text"/> within <paramref name="maxTokens"/> tokens, starting at a word.</summary>
    private string Tail(string text, int maxTokens)
    {
        if (maxTokens <= 0 || text.Length == 0)
        {
            return string.Empty;
        }

        var start = tokens.Tokenizer.GetIndexByTokenCountFromEnd(text, maxTokens, out _, out _);
        if (start <= 0)
        {
            return text;
        }

        var word = text.IndexOfAny([' ', '\n'], start - 1);
        return word < 0 ? string.Empty : text[(word + 1)..].TrimStart();
    }

    private IEnumerable<TextUnit> Units(ExtractedDocument document, int max, bool markdown)
    {
        for (var section = 0; section < document.Sections.Count; section++)
        {
            var source = document.Sections[section];
            foreach (var paragraph in source.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                var text = markdown ? paragraph.Trim() : Paragraphs.Collapse(paragraph);
                var count = tokens.Count(text);
                if (markdown && count <= max)
                {
                    yield return new TextUnit(text, count, section, source.Page, source.Heading, true);
                    continue;
                }

                var first = true;
                foreach (var sentence in Sentences.Split(text))
                {
                    foreach (var piece in FitToTokens(sentence, max))
                    {
                        yield return new TextUnit(piece, tokens.Count(piece), section, source.Page, source.Heading, first);
                        first = false;
                    }
                }
            }
        }
    }

    /// <summary>A sentence longer than a chunk is cut at word boundaries by token count.</summary>
    private IEnumerable<string> FitToTokens(string sentence, int max)
    {
        var rest = sentence;
        while (tokens.Count(rest) > max)
        {
            var end = tokens.Tokenizer.GetIndexByTokenCount(rest, max, out _, out _);
            var space = rest.LastIndexOf(' ', Math.Max(0, end - 1));
            var cut = space > end / 2 ? space : end;
            if (cut <= 0)
            {
                cut = Math.Max(1, end);
            }

            yield return rest[..cut].Trim();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
