using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Components.Markdown;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;
using MudBlazor;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class AskTabTests : KnowledgeComponentTest
{
    [Fact]
    public void When_nothing_is_relevant_enough_the_tab_says_so_instead_of_answering()
    {
        var tab = Ask("What is the meaning of life?");

        var notice = tab.Find("[data-testid=answer-no-result]").TextContent;
        Assert.Contains("Nothing relevant enough was found, so there is no answer.", notice);
        Assert.Contains("Nothing in 'Support' is relevant enough to this question.", notice);
        Assert.Empty(tab.FindAll("[data-testid=answer]"));
    }

    [Fact]
    public void An_answer_is_inert_markdown_with_numbered_sources_that_open_the_cited_chunk()
    {
        var refunds = new CitationDto(1, 41, KnowledgeSamples.NotesId, "notes.md", null, "Refunds", 0.83, "Refunds are paid in 14 days.", true);
        var shipping = new CitationDto(2, 42, KnowledgeSamples.NotesId, "notes.md", 3, null, 0.4, "Parcels ship daily.", false);
        Api.Answer = request => new AnswerDto("Support", Api.Base.Id, request.Question, "Within **14 days** [1].<script>alert(1)</script>", false, null,
            [refunds, shipping], "offline-chat", 40, 8, 0, 3, 1, TraceId);
        Api.Chunks[41] = new ChunkDto(41, KnowledgeSamples.NotesId, "notes.md", Api.Base.Id, 0, null, "Refunds", "Refunds are paid in 14 days.", 9);
        var dialogs = Render<MudDialogProvider>();

        var tab = Ask("How soon are refunds paid?");
        tab.Find("button[aria-label^='Open source [1] notes.md']").Click();

        var answer = tab.Find("[data-testid=answer]");
        Assert.Equal("14 days", answer.QuerySelector("strong")!.TextContent);
        Assert.Empty(answer.QuerySelectorAll("script"));
        Assert.Contains("[2] notes.md · page 3", tab.Find("[data-testid=citations]").TextContent);
        dialogs.WaitForAssertion(() => Assert.Contains("Refunds are paid in 14 days.", dialogs.Find("[data-testid=chunk]").TextContent));
        Assert.Contains("notes.md · Refunds · relevance 0.83 · 9 tokens", dialogs.Find("[data-testid=chunk-facts]").TextContent);
        Assert.EndsWith($"traces/{TraceId}", tab.Find("[data-testid=answer-trace]").GetAttribute("href"));
    }

    [Fact]
    public void A_citation_in_the_answer_opens_its_chunk_with_the_quoted_sentence_marked_and_the_text_around_it_on_request()
    {
        const string text = "Refunds are paid in 14 days. Shipping is free.";
        var refunds = new CitationDto(1, 41, KnowledgeSamples.NotesId, "notes.md", null, "Refunds", 0.83, text, true, [new HighlightDto(0, 28)]);
        Api.Answer = request => new AnswerDto("Support", Api.Base.Id, request.Question, "Refunds are paid in 14 days [1].", false, null,
            [refunds], "offline-chat", 40, 8, 0, 3, 1);
        Api.Chunks[40] = new ChunkDto(40, KnowledgeSamples.NotesId, "notes.md", Api.Base.Id, 0, null, "Returns", "Returns need a receipt.", 5);
        Api.Chunks[41] = new ChunkDto(41, KnowledgeSamples.NotesId, "notes.md", Api.Base.Id, 1, null, "Refunds", text, 9);
        Api.Chunks[42] = new ChunkDto(42, KnowledgeSamples.NotesId, "notes.md", Api.Base.Id, 2, null, "Exchanges", "Exchanges ship the same day.", 6);
        var dialogs = Render<MudDialogProvider>();
        var tab = Ask("How soon are refunds paid?");
        var link = tab.Find("[data-testid=answer] a[data-citation='1']");

        tab.InvokeAsync(() => tab.FindComponent<MarkdownView>().Instance.OpenCitationAsync(1));

        dialogs.WaitForAssertion(() => Assert.Equal("Refunds are paid in 14 days.", dialogs.Find("[data-testid=chunk] mark").TextContent));
        Assert.Equal("[1]", link.TextContent);
        Assert.Equal("source-1", tab.Find("[data-testid=citations] > div").Id);
        Assert.Empty(dialogs.FindAll("[data-testid=chunk-before]"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Show the text around it", StringComparison.Ordinal)).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Returns need a receipt.", dialogs.Find("[data-testid=chunk-before]").TextContent));
        Assert.Contains("Exchanges ship the same day.", dialogs.Find("[data-testid=chunk-after]").TextContent);
        Assert.EndsWith($"knowledge/{Api.Base.Id}/documents/{KnowledgeSamples.NotesId}", dialogs.Find("[data-testid=chunk] a").GetAttribute("href"));
    }

    private static readonly Guid TraceId = Guid.CreateVersion7();

    [Fact]
    public void A_source_whose_chunk_was_replaced_shows_the_text_it_had_when_cited()
    {
        var gone = new CitationDto(1, 99, KnowledgeSamples.NotesId, "notes.md", null, null, 0.7, "The old wording.", true);
        Api.Answer = request => new AnswerDto("Support", Api.Base.Id, request.Question, "Old [1].", false, null, [gone], "offline-chat", 1, 1, 0, 1, 1);
        var dialogs = Render<MudDialogProvider>();

        Ask("What did it say?").Find("button[aria-label^='Open source [1] notes.md']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("no longer in the index", dialogs.Find("[data-testid=chunk]").TextContent));
        Assert.Contains("The old wording.", dialogs.Find("[data-testid=chunk]").TextContent);
    }

    private IRenderedComponent<AskTab> Ask(string question)
    {
        var tab = RenderWithPopovers<AskTab>(p => p.Add(t => t.Index, "Support").Add(t => t.BaseName, "Support"));
        tab.Find("input[data-testid=ask-question]").Input(question);
        tab.Find("form").Submit();

        // The answer arrives asynchronously; a busy machine may take a while to render it.
        tab.WaitForAssertion(
            () => Assert.NotEmpty(tab.FindAll("[data-testid=answer], [data-testid=answer-no-result]")),
            TimeSpan.FromSeconds(30));
        return tab;
    }
}
