using System.Text.RegularExpressions;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Offline;

namespace AiNative.Services.Knowledge.Answers;

/// <summary>
/// Which sentences of a source an answer took its cited sentences from: for each sentence of the answer that cites
/// [n], the sentence of source n that holds most of its words (all of them when quoted, most when paraphrased). A
/// citation opened from the answer marks them, so a reader sees what the answer rests on.
/// </summary>
internal static partial class CitationQuotes
{
    /// <summary>The share of an answer sentence's words a source sentence must hold to count as its origin.</summary>
    private const double MinOverlap = 0.6;

    public static IReadOnlyList<TextRange> Find(string answer, int number, string source)
    {
        var candidates = SentenceRanges(source)
            .Select(range => (Range: range, Words: Words(source.Substring(range.Start, range.Length)).ToHashSet(StringComparer.Ordinal)))
            .Where(s => s.Words.Count > 0)
            .ToList();
        var quoted = new List<TextRange>();
        foreach (var range in SentenceRanges(answer))
        {
            var sentence = answer.Substring(range.Start, range.Length);
            if (!Cites(sentence, number))
            {
                continue;
            }

            var words = Words(CitationGroup().Replace(sentence, " ")).Distinct(StringComparer.Ordinal).ToList();
            var best = candidates
                .Select(c => (c.Range, Overlap: words.Count == 0 ? 0 : words.Count(c.Words.Contains) / (double)words.Count))
                .OrderByDescending(c => c.Overlap)
                .FirstOrDefault();
            if (best.Range is not null && best.Overlap >= MinOverlap && !quoted.Contains(best.Range))
            {
                quoted.Add(best.Range);
            }
        }

        return [.. quoted.OrderBy(r => r.Start)];
    }

    private static bool Cites(string sentence, int number) =>
        CitationGroup().Matches(sentence).Any(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Sentences end at their punctuation before white space (a citation may come between) or at a blank line; line breaks inside run on.</summary>
    private static IEnumerable<TextRange> SentenceRanges(string text)
    {
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            if (Trimmed(text, start, end.Index + end.Length) is { } range)
            {
                yield return range;
            }

            start = end.Index + end.Length;
        }

        if (Trimmed(text, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    private static TextRange? Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start ? new TextRange(start, end - start) : null;
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !StopWords.Contains(w));

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex CitationGroup();

    [GeneratedRegex(@"[.!?]+(?:\s*\[\d+(?:\s*,\s*\d+)*\])*(?=\s|$)|\n\s*\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
