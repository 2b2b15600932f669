namespace AiNative.Services.Knowledge.Search;

/// <summary>Finds where query terms occur in a hit's text, for highlighting, matching word forms ("documents" ~ "document").</summary>
public static class Highlighter
{
    public static (IReadOnlyList<string> Matched, IReadOnlyList<TextRange> Ranges) Find(string text, QueryTerms terms)
    {
        // Several query terms may share a stem ("release releases"): the first names the match.
        var stems = terms.Terms.GroupBy(Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ranges = new List<TextRange>();
        var matched = new SortedSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            var start = position;
            while (position < text.Length && char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            if (position > start && stems.TryGetValue(Stem(text[start..position].ToLowerInvariant()), out var term))
            {
                ranges.Add(new TextRange(start, position - start));
                matched.Add(term);
            }
        }

        return ([.. matched], ranges);
    }

    /// <summary>The share of the query's words (0 to 1) that <paramref name="matched"/> holds, counting word forms of one stem once.</summary>
    public static double ShareMatched(IReadOnlyList<string> matched, QueryTerms terms)
    {
        var stems = terms.Terms.Select(Stem).Distinct(StringComparer.Ordinal).Count();
        return stems == 0 ? 0 : (double)matched.Count / stems;
    }

    private static readonly string[] Suffixes = ["ing", "ed", "es", "s", "ly"];

    private static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
