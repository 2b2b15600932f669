using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Playground;

public sealed class RunPanelsTests : BunitContext
{
    public RunPanelsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Usage_the_portal_counted_is_marked_estimated()
    {
        var facts = Render<RunFacts>(p => p.Add(f => f.Summary, RunSamples.Summary(estimated: true)));

        Assert.Equal("93 estimated", facts.Find("[data-testid=input-tokens]").TextContent.Trim());
        Assert.Equal("12 estimated", facts.Find("[data-testid=output-tokens]").TextContent.Trim());
        Assert.Equal("$0.000282", facts.Find("[data-testid=cost]").TextContent);
        Assert.Equal(("169 ms", "725 ms"), (facts.Find("[data-testid=time-to-first-token]").TextContent, facts.Find("[data-testid=latency]").TextContent));
    }

    [Fact]
    public void Usage_the_provider_reported_is_not_marked()
    {
        var facts = Render<RunFacts>(p => p.Add(f => f.Summary, RunSamples.Summary(estimated: false)));

        Assert.Empty(facts.FindAll("[data-testid=estimated]"));
        Assert.Equal("stop (the model finished)", facts.Find("[data-testid=finish-reason]").TextContent);
    }

    [Fact]
    public void A_run_that_failed_at_the_provider_shows_its_error_in_plain_words()
    {
        var problem = new RunProblemDto("The provider is limiting the rate", "Provider 'Fake' is limiting the rate (HTTP 429). Wait a moment and try again.");
        var run = ShownRun.Saved(RunSamples.Details(RunSamples.Summary(RunStatusDto.Failed, estimated: true, problem), output: string.Empty));

        var panel = Render<RunOutputPanel>(p => p.Add(o => o.Run, run));

        Assert.Equal("Failed", panel.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal(
            "The provider is limiting the rate. Provider 'Fake' is limiting the rate (HTTP 429). Wait a moment and try again.",
            panel.Find("[data-testid=run-problem] .mud-alert-message").TextContent.Trim());
        Assert.Contains("No answer arrived.", panel.Markup);
    }

    [Fact]
    public void A_streaming_run_shows_the_answer_so_far_as_markdown_and_then_how_it_failed()
    {
        var run = ShownRun.Starting();
        run.Apply(new RunRenderedEventDto(Guid.NewGuid(), [new RunMessageDto("user", "hi")]));
        run.Apply(new RunDeltaEventDto("**Partial** <script>alert(1)</script>"));

        var panel = Render<RunOutputPanel>(p => p.Add(o => o.Run, run));

        Assert.Equal("Running", panel.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal("Partial", panel.Find("[data-testid=output-text] strong").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=output-text] script"));
        Assert.NotEmpty(panel.FindAll(".mud-progress-linear"));

        run.Apply(new RunFailedEventDto(RunSamples.Details(RunSamples.Summary(RunStatusDto.Failed)), new ApiProblem(502, "The provider failed", "Provider 'Fake' failed (HTTP 500). Try again.")));
        panel.Render(p => p.Add(o => o.Run, run));

        Assert.Equal("Failed", panel.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Contains("Provider 'Fake' failed (HTTP 500). Try again.", panel.Find("[data-testid=run-problem]").TextContent);
        Assert.Equal("Partial", panel.Find("[data-testid=output-text] strong").TextContent);
        Assert.Empty(panel.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void Before_any_run_the_panel_says_how_to_start()
    {
        var panel = Render<RunOutputPanel>();

        Assert.Contains("press Run (or Ctrl+Enter)", panel.Find("[data-testid=output-empty]").TextContent);
    }

    [Fact]
    public void The_trace_shows_each_step_with_its_times_and_attributes()
    {
        var spans = RunSamples.Details(RunSamples.Summary()).Spans;

        var trace = Render<RunTimeline>(p => p.Add(t => t.Spans, spans));

        var steps = trace.FindAll("[data-testid=trace-span]");
        Assert.Equal(2, steps.Count);
        Assert.Contains("from 5 ms, took 720 ms · succeeded", steps[1].TextContent);
        Assert.Equal(["gen_ai.usage.output_tokens"], steps[1].QuerySelectorAll("dt").Select(d => d.TextContent));
    }
}
