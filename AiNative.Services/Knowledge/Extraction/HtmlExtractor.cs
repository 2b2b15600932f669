using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Sections by <c>h1</c>–<c>h6</c>, paragraphs from the innermost block elements; scripts,
/// styles and navigation are left out. The HTML is parsed, never rendered or run.
/// </summary>
internal sealed class HtmlExtractor : IDocumentExtractor
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "pre", "blockquote", "td", "th", "dt", "dd", "figcaption", "caption", "div", "section", "article", "main", "summary",
    };

    private static readonly string[] Ignored = ["script", "style", "noscript", "template", "nav", "svg", "iframe", "object"];

    public DocumentFormat Format => DocumentFormat.Html;

    public ExtractedDocument Extract(Stream content)
    {
        var guard = new HtmlNestingGuard();
        var document = new HtmlParser(new HtmlParserOptions { OnToken = guard.Observe }).ParseDocument(TextDecoding.Decode(content));
        foreach (var element in document.QuerySelectorAll(string.Join(',', Ignored)).ToList())
        {
            element.Remove();
        }

        var sections = new SectionBuilder();
        var root = (IElement?)document.Body ?? document.DocumentElement;
        foreach (var element in root.Descendants<IElement>())
        {
            if (HeadingLevel(element) is { } level)
            {
                sections.Heading(level, element.TextContent);
            }
            else if (Blocks.Contains(element.LocalName) && IsInnermostBlock(element))
            {
                sections.Paragraph(Paragraphs.Collapse(element.TextContent));
            }
        }

        return sections.Build();
    }

    private static int? HeadingLevel(IElement element) =>
        element.LocalName is ['h', >= '1' and <= '6'] ? element.LocalName[1] - '0' : null;

    private static bool IsInnermostBlock(IElement element) =>
        !element.Descendants<IElement>().Any(d => Blocks.Contains(d.LocalName) || HeadingLevel(d) is not null);
}
