using System.Text;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Running headers and footers of paged text ("Chapter 4: Function reference 18", "Page 3 of 40"): a line among the
/// first or last few of a page whose text, with its numbers set aside, starts or ends most pages, or a run of nearby
/// pages (a chapter's header, or one that alternates between odd and even pages). Said on every page, it would only
/// repeat itself in every chunk; the same line elsewhere on a page is text, and stays.
/// </summary>
internal sealed class RunningLines
{
    /// <summary>How many lines at each end of a page a header or footer may take.</summary>
    private const int EdgeLines = 3;

    /// <summary>Fewer pages than this cannot tell a running line from a coincidence.</summary>
    private const int MinPages = 3;

    /// <summary>Pages a line must end or start, as a share of all pages, to run through the document.</summary>
    private const double MostPages = 0.5;

    /// <summary>Occurrences, each at most <see cref="NearbyPages"/> after the one before, that make a run (a chapter's header).</summary>
    private const int RunLength = 4;

    private const int NearbyPages = 2;

    private readonly HashSet<string> _running;

    private RunningLines(HashSet<string> running) => _running = running;

    /// <summary>The running lines of a document's pages, each page as its lines in reading order.</summary>
    public static RunningLines Find(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        var pagesOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var page = 0; page < pages.Count; page++)
        {
            foreach (var key in Edges(pages[page]).Select(i => Key(pages[page][i])).Distinct(StringComparer.Ordinal))
            {
                if (!pagesOf.TryGetValue(key, out var found))
                {
                    pagesOf[key] = found = [];
                }

                found.Add(page);
            }
        }

        var most = Math.Max(MinPages, (int)Math.Ceiling(pages.Count * MostPages));
        return new RunningLines(pages.Count < MinPages
            ? []
            : [.. pagesOf.Where(p => p.Value.Count >= most || LongestRun(p.Value) >= RunLength).Select(p => p.Key)]);
    }

    /// <summary>The page's lines without its running lines.</summary>
    public IEnumerable<string> Remove(IReadOnlyList<string> lines)
    {
        if (_running.Count == 0)
        {
            return lines;
        }

        var edges = Edges(lines).ToHashSet();
        return lines.Where((line, i) => !edges.Contains(i) || !_running.Contains(Key(line)));
    }

    /// <summary>The indexes of the first and last <see cref="EdgeLines"/> lines that have text.</summary>
    private static IEnumerable<int> Edges(IReadOnlyList<string> lines)
    {
        var withText = Enumerable.Range(0, lines.Count).Where(i => !string.IsNullOrWhiteSpace(lines[i])).ToList();
        return withText.Take(EdgeLines).Concat(withText.TakeLast(EdgeLines)).Distinct();
    }

    /// <summary>The line in lower case with its whitespace collapsed and each number as '#', so page numbers do not tell pages apart.</summary>
    private static string Key(string line)
    {
        var key = new StringBuilder(line.Length);
        foreach (var c in Paragraphs.Collapse(line))
        {
            if (char.IsDigit(c))
            {
                if (key.Length == 0 || key[^1] != '#')
                {
                    key.Append('#');
                }
            }
            else
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static int LongestRun(List<int> pages)
    {
        var longest = 1;
        var current = 1;
        for (var i = 1; i < pages.Count; i++)
        {
            current = pages[i] - pages[i - 1] <= NearbyPages ? current + 1 : 1;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
