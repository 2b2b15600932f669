using System.Text;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Retrieved chunks as a numbered context block for a prompt ("[1] (handbook.md › Models) …"), the
/// form answers cite and the playground fills a prompt's context variable with.
/// </summary>
public static class ContextBlock
{
    public static string Format(IReadOnlyList<SearchHit> hits)
    {
        var block = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            if (i > 0)
            {
                block.Append("\n\n");
            }

            block.Append('[').Append(i + 1).Append("] (").Append(Source(hits[i])).Append(")\n").Append(hits[i].Text);
        }

        return block.ToString();
    }

    /// <summary>"guide.pdf, page 3" or "handbook.md › Models".</summary>
    public static string Source(SearchHit hit) =>
        hit.Page is { } page ? $"{hit.DocumentName}, page {page}"
        : hit.Heading is { } heading ? $"{hit.DocumentName} › {heading}"
        : hit.DocumentName;
}
