using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Follows the parser's tokens and refuses HTML nested deeper than <see cref="MaxDepth"/>: the
/// parser's tree construction scans its stack of open elements at each block start, so a deep
/// file (50,000 nested divs) takes time quadratic in its depth. Browsers cap depth at 512 too.
/// </summary>
internal sealed class HtmlNestingGuard
{
    public const int MaxDepth = 512;

    // Void elements never open, and these close themselves at their next sibling, so neither deepens the tree.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
    };

    // The end tag of one of these runs the parser's adoption agency: when a block was opened inside the element, the block stays open.
    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // The blocks of the HTML standard's "special" category that can nest: such a block inside a formatting element survives its end tag.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "applet", "article", "aside", "blockquote", "button", "center", "details", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "listing", "main",
        "marquee", "menu", "nav", "object", "ol", "pre", "search", "section", "select", "summary", "table", "textarea", "ul", "xmp",
    };

    // Open elements as the parser sees them: an end tag closes its element and those opened inside it; a stray one closes nothing.
    private readonly List<string> _open = [];

    public void Observe(HtmlToken token, TextRange range)
    {
        if (token.Type == HtmlTokenType.EndTag)
        {
            var index = _open.FindLastIndex(name => string.Equals(name, token.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return;
            }

            // Counting the blocks as closed here would let "<b><div></b>" repeated build a tree thousands deep while the count stays at 2.
            if (Formatting.Contains(token.Name) && _open.Skip(index + 1).Any(Blocks.Contains))
            {
                _open.RemoveAt(index);
            }
            else
            {
                _open.RemoveRange(index, _open.Count - index);
            }
        }
        else if (token.Type == HtmlTokenType.StartTag && !token.AsTag().IsSelfClosing && !NotNesting.Contains(token.Name))
        {
            _open.Add(token.Name);
            if (_open.Count > MaxDepth)
            {
                throw new DocumentRejectedException(
                    $"The HTML nests elements more than {MaxDepth} levels deep, which no readable page does. Save the page as text or Markdown and upload that.");
            }
        }
    }
}
