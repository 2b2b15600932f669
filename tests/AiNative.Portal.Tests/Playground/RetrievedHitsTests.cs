using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Client.Contracts.Runs;
using Bunit;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Playground;

public sealed class RetrievedHitsTests : BunitContext
{
    private static readonly RunSpanDto Retrieve = new(
        RunSpanDto.Retrieve, RunStatusDto.Succeeded, 2, 31,
        new Dictionary<string, string> { ["ainative.retrieval.knowledge_base"] = "Portal handbook", ["ainative.retrieval.hits"] = "2" },
        [
            new RetrievedChunkDto(1, 17, Guid.NewGuid(), "models.md", null, "Models › Keys and limits", 0.5123, 0.4871, 3.2149, 0.03279),
            new RetrievedChunkDto(2, 40, Guid.NewGuid(), "guide.pdf", 3, "Ignored for pages", 0.2, 0.2, null, 0.01613),
        ]);

    public RetrievedHitsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_trace_lists_the_retrieve_steps_sources_with_their_places_and_scores()
    {
        var trace = Render<RunTimeline>(p => p.Add(t => t.Spans, [Retrieve, RunSamples.Details(RunSamples.Summary()).Spans[0]]));

        var retrieve = trace.FindAll("[data-testid=trace-span]")[0];
        Assert.StartsWith("retrieve", retrieve.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("2 sources: their documents and scores", retrieve.TextContent);
        trace.Find("[data-testid=retrieved-hits-panel] .mud-expand-panel-header").Click();

        var rows = trace.FindAll("[data-testid=retrieved-hit]").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["[1]", "models.md › Models › Keys and limits", "0.512", "0.487", "3.21", "0.0328", "17"], rows[0]);
        Assert.Equal(["[2]", "guide.pdf, page 3", "0.2", "0.2", "—", "0.0161", "40"], rows[1]);
        Assert.Empty(trace.FindAll("[data-testid=trace-span]")[1].QuerySelectorAll("[data-testid=retrieved-hits-panel]"));
    }

    [Fact]
    public void A_retrieve_step_that_found_nothing_says_so()
    {
        var trace = Render<RunTimeline>(p => p.Add(t => t.Spans, [Retrieve with { Hits = [] }]));

        Assert.Equal("No chunk was relevant enough, and the context said so.", trace.Find("[data-testid=retrieved-none]").TextContent);
    }
}
