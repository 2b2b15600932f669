using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AiNative.Portal.Client.Components.Markdown;

/// <summary>
/// Turns untrusted Markdown (model output, uploaded text) into HTML that is safe to show: raw HTML
/// in the text stays text, and the result is sanitised, so scripts, event handlers and
/// <c>javascript:</c> links cannot survive whatever the text contains.
/// </summary>
public static class UntrustedMarkdown
{
    // Only extensions that add formatting; generic attributes ({onclick=…}) and raw HTML stay off.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? string.Empty, Pipeline);

        // An image would be fetched from wherever the text says, and its address can carry data
        // out of the page (a known prompt-injection trick): images are shown as links instead.
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            image.IsImage = false;
        }

        return Sanitizer.Sanitize(Markdig.Markdown.ToHtml(document, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
