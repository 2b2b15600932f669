using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class SearchHighlightingTests : KnowledgeComponentTest
{

    [Fact]
    public void A_hit_marks_its_matched_ranges_and_keeps_the_rest_as_plain_text()
    {
        const string text = "Refunds are paid in 14 days. Late refunds accrue interest.";
        Api.Search = request => KnowledgeSamples.Result(request, [KnowledgeSamples.Hit(text, new(0, 7), new(34, 7))]);

        var tab = SearchFor("refund");

        var hit = tab.Find("[data-testid=search-hit]");
        Assert.Equal(["Refunds", "refunds"], hit.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal(text, hit.QuerySelector("[data-testid=hit-text]")!.TextContent);
        Assert.Contains("notes.md", hit.TextContent);
        Assert.Contains("Refunds", hit.QuerySelector("h3")!.TextContent);
    }

    [Fact]
    public void Untrusted_hit_text_is_shown_as_text_and_makes_no_elements()
    {
        const string text = "<script>alert('x')</script> refund <img src=x onerror=alert(1)>";
        Api.Search = request => KnowledgeSamples.Result(request, [KnowledgeSamples.Hit(text, new(28, 6), new(35, 4))]);

        var tab = SearchFor("refund");

        var shown = tab.Find("[data-testid=hit-text]");
        Assert.Empty(shown.QuerySelectorAll("script"));
        Assert.Empty(shown.QuerySelectorAll("img"));
        Assert.Equal(["refund", "<img"], shown.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal(text, shown.TextContent);
        Assert.Equal(["mark", "mark"], shown.Children.Select(c => c.LocalName));
    }

    [Fact]
    public void Each_hit_says_which_signal_carried_its_relevance()
    {
        Api.Search = request => KnowledgeSamples.Result(request, [KnowledgeSamples.Hit("Refunds are paid.", new HighlightDto(0, 7)) with { WordsMatched = 0.5 }]);

        var explanation = SearchFor("refund policy").Find("[data-testid=relevance-explanation]").TextContent;

        Assert.StartsWith("50% of the query's words found (refund), similarity 0.61.", explanation);
    }

    [Fact]
    public void Each_hit_shows_its_three_scores_as_numbers_with_bars()
    {
        Api.Search = request => KnowledgeSamples.Result(request, [KnowledgeSamples.Hit("Refunds are paid.", new HighlightDto(0, 7))]);

        var scores = SearchFor("refund").Find("[data-testid=score-bars]");

        Assert.Contains("0.6100", scores.QuerySelector("[data-testid=score-vector]")!.TextContent);
        Assert.Contains("3.2000", scores.QuerySelector("[data-testid=score-keyword]")!.TextContent);
        Assert.Contains("0.0325", scores.QuerySelector("[data-testid=score-fused]")!.TextContent);
        Assert.Equal(3, scores.QuerySelectorAll("[role=progressbar]").Length);
    }

    [Fact]
    public void Overlapping_unordered_and_out_of_range_highlights_are_merged_and_clipped()
    {
        var segments = TextSegments.Split("abcdefghij", [new(6, 10), new(1, 2), new(2, 2), new(-3, 1)]);

        Assert.Equal(
            [new TextSegment("a", false), new TextSegment("bcd", true), new TextSegment("ef", false), new TextSegment("ghij", true)],
            segments);
    }

    [Fact]
    public void A_search_with_an_empty_query_shows_what_to_do_on_the_query_field()
    {
        Api.Search = _ => throw new ApiException(new ApiProblem(400, "The request is not valid", null,
            new Dictionary<string, string[]> { ["Query"] = ["Enter a query: the search text is empty."] }));

        var tab = SearchFor("   ");

        Assert.Contains("Enter a query: the search text is empty.", tab.Markup);
        Assert.Empty(tab.FindAll("[data-testid=search-hit]"));
    }

    [Fact]
    public void A_tag_filter_that_matches_no_document_says_so_instead_of_showing_hits()
    {
        Api.Search = request => KnowledgeSamples.Result(request, [], "The filter matched no documents in 'Support'. Check the tags and document ids.");

        var tab = SearchFor("refund");

        Assert.Contains("The filter matched no documents in 'Support'", tab.Find("[data-testid=search-message]").TextContent);
    }

    [Fact]
    public void A_tag_filter_that_is_not_key_value_is_refused_before_searching()
    {
        var searched = false;
        Api.Search = request =>
        {
            searched = true;
            return KnowledgeSamples.Result(request, []);
        };
        var tab = RenderWithPopovers<SearchTab>(p => p.Add(t => t.Index, "Support"));

        tab.Find("input[data-testid=search-tags]").Input("support");
        tab.Find("input[data-testid=search-query]").Input("refund");
        tab.Find("form").Submit();

        Assert.False(searched);
        Assert.Contains("'support' is not key=value", tab.Markup);
    }

    private IRenderedComponent<SearchTab> SearchFor(string query)
    {
        var tab = RenderWithPopovers<SearchTab>(p => p.Add(t => t.Index, "Support"));
        tab.Find("input[data-testid=search-query]").Input(query);
        tab.Find("form").Submit();
        return tab;
    }
}
