using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>
/// Cuts a hit's text into plain and matched runs by its highlight ranges, so the page renders each
/// run as text (a hit's text is untrusted and never becomes markup). Ranges may come unordered,
/// overlapping or past the end; they are sorted, merged and clipped.
/// </summary>
public static class TextSegments
{
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<HighlightDto> highlights)
    {
        var segments = new List<TextSegment>();
        var position = 0;
        foreach (var (start, end) in Merge(text.Length, highlights))
        {
            if (start > position)
            {
                segments.Add(new TextSegment(text[position..start], false));
            }

            segments.Add(new TextSegment(text[start..end], true));
            position = end;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], false));
        }

        return segments;
    }

    private static List<(int Start, int End)> Merge(int length, IEnumerable<HighlightDto> highlights)
    {
        var merged = new List<(int Start, int End)>();
        var clipped = highlights
            .Select(h => (Start: Math.Clamp(h.Start, 0, length), End: Math.Clamp(h.Start + Math.Max(h.Length, 0), 0, length)))
            .Where(r => r.End > r.Start)
            .OrderBy(r => r.Start);
        foreach (var range in clipped)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
