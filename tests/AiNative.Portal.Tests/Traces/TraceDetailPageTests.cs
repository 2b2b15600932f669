using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Components.Pages.Traces;
using Bunit;
using MudBlazor;

namespace AiNative.Portal.Tests.Traces;

public sealed class TraceDetailPageTests : TraceComponentTest
{
    private readonly TraceSummaryDto _summary = TraceSamples.Summary(latencyMs: 200);
    private readonly ObservationDto _answer;
    private readonly ObservationDto _retrieve;
    private readonly ObservationDto _generation;

    public TraceDetailPageTests()
    {
        _answer = TraceSamples.Observation(ObservationTypeDto.Span, "answer", 0, 200);
        _retrieve = TraceSamples.Observation(ObservationTypeDto.Retrieval, "retrieve", 0, 50, _answer.Id,
            hits: [new RetrievedChunkDto(1, 17, Guid.NewGuid(), "models.md", null, "Keys", 0.51, 0.48, 3.2, 0.03)],
            attributes: new Dictionary<string, string> { ["ainative.retrieval.knowledge_base"] = "Portal handbook" });
        _generation = TraceSamples.Observation(ObservationTypeDto.Generation, "fake-chat", 50, 150, _answer.Id,
            input: """[{"role":"system","content":"You answer <b>briefly</b>."},{"role":"user","content":"Where are labels?"}]""",
            output: "Labels live **on versions**. <script>alert('x')</script><img src=x onerror=alert(1)>");
        Api.Details[_summary.Id] = TraceSamples.Details(_summary, [_answer, _retrieve, _generation]);
    }

    [Fact]
    public void The_waterfall_nests_steps_under_their_parent_with_bars_placed_and_sized_by_their_share_of_the_trace()
    {
        var page = Open(TeamRoleDto.Viewer);

        var steps = page.FindAll("[data-testid=observation]");
        Assert.Equal(["answer", "retrieve", "fake-chat"], steps.Select(s => s.QuerySelector("[data-testid=observation-name]")!.TextContent));
        Assert.Equal(["0", "1", "1"], steps.Select(s => s.GetAttribute("data-depth")));
        var nested = steps[0].QuerySelector("ul")!.QuerySelectorAll("[data-testid=observation-name]").Select(n => n.TextContent);
        Assert.Equal(["retrieve", "fake-chat"], nested);
        var bars = page.FindAll("[data-testid=waterfall-bar]");
        Assert.Equal(["left: 0%; width: 100%", "left: 0%; width: 25%", "left: 25%; width: 75%"], bars.Select(b => b.GetAttribute("style")));
        Assert.Equal("generation fake-chat: starts at 50 ms, takes 150 ms, 75 % of the trace", bars[2].GetAttribute("aria-label"));
        Assert.All(bars, b => Assert.Equal("img", b.GetAttribute("role")));
    }

    [Fact]
    public void A_step_opens_with_its_button_and_shows_messages_as_text_and_model_output_without_its_html()
    {
        var page = Open(TeamRoleDto.Viewer);
        var toggle = page.FindAll("[data-testid=observation-toggle]")[2];
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(page.FindAll("[data-testid=observation-details]"));

        toggle.Click();

        toggle = page.FindAll("[data-testid=observation-toggle]")[2];
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        var details = page.Find($"#{toggle.GetAttribute("aria-controls")}");
        Assert.Equal(["system", "user"], details.QuerySelectorAll("[data-testid=rendered-message] .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("You answer <b>briefly</b>.", details.QuerySelector("[data-testid=observation-input]")!.TextContent);
        Assert.Empty(details.QuerySelectorAll("[data-testid=observation-input] b"));
        var output = details.QuerySelector("[data-testid=observation-output] [data-testid=markdown-view]")!;
        Assert.Equal("on versions", output.QuerySelector("strong")!.TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(output.QuerySelectorAll("img"));
        Assert.Contains("<script>alert('x')</script>", output.TextContent);
        Assert.Contains("93 / 12", details.QuerySelector("[data-testid=observation-tokens]")!.TextContent);
    }

    [Fact]
    public void A_retrieval_step_lists_its_sources_and_attributes()
    {
        var page = Open(TeamRoleDto.Viewer);

        page.FindAll("[data-testid=observation-toggle]")[1].Click();

        var details = page.Find("[data-testid=observation-details]");
        Assert.Contains("models.md", details.QuerySelector("[data-testid=retrieved-hit]")!.TextContent);
        Assert.Contains("Portal handbook", details.QuerySelector("[data-testid=observation-attributes]")!.TextContent);
    }

    [Fact]
    public void The_summary_shows_the_trace_at_a_glance_and_its_output_safely()
    {
        Api.Details[_summary.Id] = TraceSamples.Details(_summary, [_generation], output: "<img src=x onerror=alert(1)> **done**");

        var page = Open(TeamRoleDto.Viewer);

        var facts = page.Find("[data-testid=trace-facts]").TextContent;
        Assert.Contains("Support answer v2", facts);
        Assert.Contains("fake-chat", facts);
        Assert.Contains("93 / 12", facts);
        Assert.Contains("$0.000282", facts);
        Assert.Contains("user-17", facts);
        Assert.Contains("session-4", facts);
        Assert.Equal("{\n  \"question\": \"Where are labels?\"\n}", page.Find("[data-testid=trace-input] pre").TextContent.ReplaceLineEndings("\n"));
        var output = page.Find("[data-testid=trace-output] [data-testid=markdown-view]");
        Assert.Empty(output.QuerySelectorAll("img"));
        Assert.Equal("done", output.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void A_failed_trace_says_why()
    {
        var failed = TraceSamples.Summary(status: TraceStatusDto.Failed);
        Api.Details[failed.Id] = TraceSamples.Details(failed, []);

        var page = Open(TeamRoleDto.Viewer, failed.Id);

        Assert.Contains("The provider is limiting the rate. The provider answered 429. Wait a moment and try again.",
            page.Find("[data-testid=trace-failure]").TextContent);
    }

    [Fact]
    public void Content_the_teams_privacy_did_not_keep_is_said_to_be_missing()
    {
        Api.Details[_summary.Id] = TraceSamples.Details(_summary, [_generation with { Input = null, Output = null }], privacy: TracePrivacyDto.MetadataOnly,
            input: null, output: null);

        var page = Open(TeamRoleDto.Viewer);
        page.Find("[data-testid=expand-all]").Click();

        Assert.Equal(4, page.FindAll("[data-testid=content-not-kept]").Count);
        Assert.Contains("only the shape of their content", page.Find("[data-testid=trace-input]").TextContent);
    }

    [Fact]
    public async Task An_editor_scores_the_trace_with_a_definitions_value_and_sees_it_listed()
    {
        var page = Open(TeamRoleDto.Editor);
        Assert.Contains("No scores yet.", page.Find("[data-testid=scores-empty]").TextContent);

        await PickScoreAsync(page, "helpfulness");
        page.Find("input[data-testid=score-number]").Input("4");
        page.Find("textarea[data-testid=score-comment]").Input("Right, and short.");
        page.Find("[data-testid=add-score-button]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=scores-table] tbody tr")));
        Assert.Equal((_summary.Id, new AddScoreRequest("helpfulness", 4, null, "Right, and short.")), Api.Scored.Single());
        var row = page.Find("[data-testid=scores-table] tbody tr").TextContent;
        Assert.Contains("helpfulness", row);
        Assert.Contains("Person", row);
        Assert.Contains("Pat Person", row);
        Assert.Contains("Right, and short.", row);
        Assert.Equal("4", page.Find("[data-testid=score-value]").TextContent);
    }

    [Fact]
    public async Task A_yes_no_score_is_sent_as_one_or_zero()
    {
        var page = Open(TeamRoleDto.Editor);

        await PickScoreAsync(page, "correct");
        var yesNo = page.FindComponent<MudRadioGroup<bool?>>();
        await page.InvokeAsync(() => yesNo.Instance.ValueChanged.InvokeAsync(false));
        page.Find("[data-testid=add-score-button]").Click();

        page.WaitForAssertion(() => Assert.Equal(new AddScoreRequest("correct", 0), Api.Scored.Single().Request));
        Assert.Equal("no", page.Find("[data-testid=score-value]").TextContent);
    }

    [Fact]
    public async Task The_add_score_form_shows_the_servers_validation_message_on_the_value()
    {
        Api.NextProblem = new ApiProblem(400, "The input is not valid", null,
            new Dictionary<string, string[]> { ["Value"] = ["7 is outside the range of 'helpfulness' from 1 to 5."] });
        var page = Open(TeamRoleDto.Editor);

        await PickScoreAsync(page, "helpfulness");
        page.Find("input[data-testid=score-number]").Input("3");
        page.Find("[data-testid=add-score-button]").Click();

        page.WaitForAssertion(() => Assert.Contains("7 is outside the range of 'helpfulness' from 1 to 5.",
            page.FindComponent<MudNumericField<double?>>().Find(".mud-input-error").TextContent));
        Assert.Empty(page.FindAll("[data-testid=score-problem]"));
        Assert.Empty(Api.Scored);
    }

    [Fact]
    public void A_team_without_score_definitions_is_told_how_to_define_one()
    {
        Api.Definitions.Clear();

        var page = Open(TeamRoleDto.Editor);

        var hint = page.Find("[data-testid=no-definitions]");
        Assert.Contains("Define one first", hint.TextContent);
        Assert.Equal("traces?view=score-definitions", hint.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=add-score-button]"));
    }

    [Fact]
    public void A_viewer_sees_the_scores_but_no_form_to_add_one()
    {
        var score = new ScoreDto(Guid.CreateVersion7(), _summary.Id, null, "user-feedback", ScoreDataTypeDto.Categorical, null, "positive",
            ScoreSourceDto.Api, null, null, "Shop app", "Thumbs up", TraceSamples.Start);
        Api.Details[_summary.Id] = TraceSamples.Details(_summary, [_generation], [score]);

        var page = Open(TeamRoleDto.Viewer);

        var row = page.Find("[data-testid=scores-table] tbody tr").TextContent;
        Assert.Contains("positive", row);
        Assert.Contains("API", row);
        Assert.Empty(page.FindAll("[data-testid=add-score]"));
    }

    [Fact]
    public void A_trace_that_is_not_the_teams_says_so()
    {
        var page = Open(TeamRoleDto.Viewer, Guid.CreateVersion7());

        Assert.Contains("was not found", page.Find("[data-testid=trace-problem]").TextContent);
        Assert.Contains("switch team", page.Find("[data-testid=trace-problem]").TextContent);
    }

    private IRenderedComponent<TraceDetailPage> Open(TeamRoleDto role, Guid? traceId = null)
    {
        Render<MudSnackbarProvider>();
        var page = RenderWithPopovers<TraceDetailPage>(p => p.Add(t => t.TraceId, traceId ?? _summary.Id).AddCascadingValue(SessionAs(role)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Loading the trace']")));
        return page;
    }

    private static async Task PickScoreAsync(IRenderedComponent<TraceDetailPage> page, string name)
    {
        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(name));
    }
}
