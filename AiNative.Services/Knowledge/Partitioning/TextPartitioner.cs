using System.Text;
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
    /// <summary>Beyond this many characters a word either side of a join is not worth counting apart: the join is counted whole.</summary>
    private const int LongestJoinedWord = 64;

    public IReadOnlyList<PartitionedChunk> Partition(ExtractedDocument document, PartitioningSettings settings)
    {
        var max = settings.MaxTokensPerChunk;
        var overlap = Math.Clamp(settings.OverlapTokens, 0, max / 2);
        var markdown = settings.Splitter == SplitterKind.Markdown;
        var chunks = new List<PartitionedChunk>();
        var current = new List<TextUnit>();

        // The overlap that opens the chunk being built: the end of the previous chunk in the same section or page.
        var prefix = string.Empty;

        // The tokens of the chunk being built (prefix and units joined), exact: each unit adds its own count and what the
        // join adds (JoinedTokens). Counting the chunk whole near the limit tokenized the text two to three times over.
        var count = 0;
        foreach (var unit in Units(document, max, markdown))
        {
            if (current.Count > 0 && SameBoundary(current[0], unit, markdown))
            {
                var with = JoinedTokens(current[^1].Text, count, unit, markdown) ?? tokens.Count(Join(prefix, [.. current, unit], markdown));
                if (with <= max)
                {
                    current.Add(unit);
                    count = with;
                    continue;
                }

                var emitted = Emit(chunks, prefix, current, markdown, count);
                current.Clear();
                prefix = Tail(emitted.Text, overlap);
            }
            else if (current.Count > 0)
            {
                Emit(chunks, prefix, current, markdown, count);
                current.Clear();
                prefix = string.Empty;
            }

            (prefix, count) = FitOverlap(prefix, unit, max, markdown);
            current.Add(unit);
        }

        if (current.Count > 0)
        {
            Emit(chunks, prefix, current, markdown, count);
        }

        return chunks;
    }

    /// <summary>
    /// The tokens of text ending in <paramref name="before"/> (<paramref name="beforeTokens"/> in all) joined with
    /// <paramref name="unit"/>, counting only the words either side of the join: the tokenizer's pre-split never reaches
    /// across whitespace but for one leading character, so no other token changes. Null when a side is not cut at
    /// whitespace or its word is long (text without spaces), for the caller to count the join whole.
    /// </summary>
    private int? JoinedTokens(string before, int beforeTokens, TextUnit unit, bool markdown)
    {
        var after = unit.Text;
        if (before.Length == 0 || after.Length == 0 || char.IsWhiteSpace(before[^1]) || char.IsWhiteSpace(after[0]))
        {
            return null;
        }

        // The last word keeps the whitespace before it, so it starts where the tokenizer's piece does.
        var start = before.Length - 1;
        while (start > 0 && !char.IsWhiteSpace(before[start - 1]))
        {
            start--;
        }

        var end = 1;
        while (end < after.Length && !char.IsWhiteSpace(after[end]))
        {
            end++;
        }

        // A line break after the first word could join a punctuation piece the join changes too: counted whole.
        var lastWord = before[Math.Max(0, start - 1)..];
        var firstWord = after[..end];
        if (lastWord.Length > LongestJoinedWord || firstWord.Length > LongestJoinedWord || (end < after.Length && after[end] is '\r' or '\n'))
        {
            return null;
        }

        var joined = tokens.Count(string.Concat(lastWord, Separator(unit, markdown), firstWord));
        return beforeTokens + unit.Tokens + joined - tokens.Count(lastWord) - tokens.Count(firstWord);
    }

    /// <summary>
    /// The overlap gives way to content: it shrinks until the chunk's first unit fits beside it. Returns the overlap
    /// and the tokens of the chunk it opens with the unit (exact without an overlap).
    /// </summary>
    private (string Prefix, int Tokens) FitOverlap(string prefix, TextUnit unit, int max, bool markdown)
    {
        if (prefix.Length == 0)
        {
            return (prefix, unit.Tokens);
        }

        var room = max - unit.Tokens - 2;
        prefix = room <= 0 ? string.Empty : Tail(prefix, Math.Min(room, tokens.Count(prefix)));
        var joined = prefix.Length > 0
            ? JoinedTokens(prefix, tokens.Count(prefix), unit, markdown) ?? tokens.Count(Join(prefix, [unit], markdown))
            : 0;
        return prefix.Length > 0 && joined <= max ? (prefix, joined) : (string.Empty, unit.Tokens);
    }

    private PartitionedChunk Emit(List<PartitionedChunk> chunks, string prefix, List<TextUnit> units, bool markdown, int tokenCount)
    {
        var text = Join(prefix, units, markdown);
        var chunk = new PartitionedChunk(text, tokenCount, units[0].Page, units[0].Heading);
        chunks.Add(chunk);
        return chunk;
    }

    private static bool SameBoundary(TextUnit first, TextUnit next, bool markdown) =>
        markdown ? first.Section == next.Section : first.Page == next.Page;

    private static string Join(string prefix, IReadOnlyList<TextUnit> units, bool markdown)
    {
        var text = new StringBuilder(prefix);
        foreach (var unit in units)
        {
            if (text.Length > 0)
            {
                text.Append(Separator(unit, markdown));
            }

            text.Append(unit.Text);
        }

        return text.ToString();
    }

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
