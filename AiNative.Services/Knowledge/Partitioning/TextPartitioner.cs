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
    /// <summary>
    /// What joining two pieces of text may add to the sum of their counts, at most: the separator's token, and the
    /// next piece's first word re-cut once a space leads it. The tokenizer's pre-split keeps every other token as it was.
    /// </summary>
    private const int JoinSlack = 2;

    public IReadOnlyList<PartitionedChunk> Partition(ExtractedDocument document, PartitioningSettings settings)
    {
        var max = settings.MaxTokensPerChunk;
        var overlap = Math.Clamp(settings.OverlapTokens, 0, max / 2);
        var markdown = settings.Splitter == SplitterKind.Markdown;
        var chunks = new List<PartitionedChunk>();
        var current = new List<TextUnit>();

        // The overlap that opens the chunk being built: the end of the previous chunk in the same section or page.
        var prefix = string.Empty;

        // At least the tokens of the chunk being built (prefix and units joined), and exact when `counted` says so:
        // adding a unit adds its own count and the join's slack, so the chunk is counted whole only near the limit.
        // Counting it whole for every unit made partitioning quadratic in the units of a chunk.
        var bound = 0;
        var counted = false;
        foreach (var unit in Units(document, max, markdown))
        {
            if (current.Count > 0 && SameBoundary(current[0], unit, markdown))
            {
                var estimate = bound + JoinSlack + unit.Tokens;
                var (with, exact) = estimate <= max ? (estimate, false) : (tokens.Count(Join(prefix, [.. current, unit], markdown)), true);
                if (with <= max)
                {
                    current.Add(unit);
                    (bound, counted) = (with, exact);
                    continue;
                }

                var emitted = Emit(chunks, prefix, current, markdown, counted ? bound : null);
                current.Clear();
                prefix = Tail(emitted.Text, overlap);
            }
            else if (current.Count > 0)
            {
                Emit(chunks, prefix, current, markdown, counted ? bound : null);
                current.Clear();
                prefix = string.Empty;
            }

            (prefix, bound) = FitOverlap(prefix, unit, max, markdown);
            counted = true;
            current.Add(unit);
        }

        if (current.Count > 0)
        {
            Emit(chunks, prefix, current, markdown, counted ? bound : null);
        }

        return chunks;
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
        var joined = prefix.Length > 0 ? tokens.Count(Join(prefix, [unit], markdown)) : 0;
        return prefix.Length > 0 && joined <= max ? (prefix, joined) : (string.Empty, unit.Tokens);
    }

    /// <param name="counted">The chunk's tokens when already counted whole.</param>
    private PartitionedChunk Emit(List<PartitionedChunk> chunks, string prefix, List<TextUnit> units, bool markdown, int? counted)
    {
        var text = Join(prefix, units, markdown);
        var chunk = new PartitionedChunk(text, counted ?? tokens.Count(text), units[0].Page, units[0].Heading);
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
                text.Append(markdown && unit.StartsParagraph ? "\n\n" : " ");
            }

            text.Append(unit.Text);
        }

        return text.ToString();
    }

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
