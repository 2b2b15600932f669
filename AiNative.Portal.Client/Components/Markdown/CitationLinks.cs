using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiNative.Portal.Client.Components.Markdown;

/// <summary>
/// Turns the citation markers of safe answer HTML ("[2]", "[1, 3]") into links to their sources, for the numbers an
/// answer has. A link is <c>&lt;a href="#source-2" data-citation="2"&gt;</c>: it jumps to the source's entry, and the
/// page opens the source itself when it listens (see <see cref="MarkdownView"/>). Text inside links and code stays as
/// it is. It runs on HTML that is already sanitised and adds only these links.
/// </summary>
public static partial class CitationLinks
{
    public const string Attribute = "data-citation";

    public static string Link(string safeHtml, IReadOnlySet<int> numbers)
    {
        if (numbers.Count == 0 || !safeHtml.Contains('[', StringComparison.Ordinal))
        {
            return safeHtml;
        }

        var document = new HtmlParser().ParseDocument($"<body>{safeHtml}</body>");
        var body = document.Body!;
        var texts = body.Descendants<IText>().Where(t => t.ParentElement?.Closest("a, code, pre") is null).ToList();
        foreach (var text in texts)
        {
            Replace(document, text, numbers);
        }

        return body.InnerHtml;
    }

    private static void Replace(IDocument document, IText text, IReadOnlySet<int> numbers)
    {
        var value = text.Data;
        var position = 0;
        var nodes = new List<INode>();
        foreach (Match match in Marker().Matches(value))
        {
            var cited = match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)
                .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1)
                .ToList();
            if (!cited.TrueForAll(numbers.Contains))
            {
                continue;
            }

            nodes.Add(document.CreateTextNode(value[position..match.Index]));
            if (cited.Count == 1)
            {
                nodes.Add(Anchor(document, cited[0], $"[{cited[0]}]"));
            }
            else
            {
                nodes.Add(document.CreateTextNode("["));
                for (var i = 0; i < cited.Count; i++)
                {
                    nodes.Add(document.CreateTextNode(i == 0 ? string.Empty : ", "));
                    nodes.Add(Anchor(document, cited[i], cited[i].ToString(CultureInfo.InvariantCulture)));
                }

                nodes.Add(document.CreateTextNode("]"));
            }

            position = match.Index + match.Length;
        }

        if (nodes.Count == 0)
        {
            return;
        }

        nodes.Add(document.CreateTextNode(value[position..]));
        text.Replace([.. nodes]);
    }

    private static IElement Anchor(IDocument document, int number, string text)
    {
        var link = document.CreateElement("a");
        link.SetAttribute("href", $"#source-{number}");
        link.SetAttribute("class", "citation-link");
        link.SetAttribute(Attribute, number.ToString(CultureInfo.InvariantCulture));
        link.SetAttribute("aria-label", $"Open source [{number}]");
        link.TextContent = text;
        return link;
    }

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Marker();
}
