using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Components.Pages.Traces;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiNative.Portal.Tests.Traces;

public sealed class TracesPageTests : TraceComponentTest
{
    [Fact]
    public void Each_trace_shows_its_time_source_prompt_model_status_numbers_and_output_as_plain_text_and_links_to_its_page()
    {
        var trace = TraceSamples.Summary(estimated: true, preview: "<b onmouseover=alert(1)>Echo</b> <script>alert(2)</script>");
        Api.Traces.Add(trace);

        var page = Open(TeamRoleDto.Viewer);

        var row = page.Find("[data-testid=traces-table] tbody tr");
        Assert.Contains("2026-12-06 09:30:00", row.TextContent);
        Assert.Contains("Playground", row.TextContent);
        Assert.Contains("Support answer v2", row.TextContent);
        Assert.Contains("fake-chat", row.TextContent);
        Assert.Equal("Succeeded", row.QuerySelector("[data-testid=trace-status]")!.TextContent.Trim());
        Assert.Contains("200 ms", row.TextContent);
        Assert.Contains("93 / 12", row.TextContent);
        Assert.NotNull(row.QuerySelector("[data-testid=estimated]"));
        Assert.Contains("$0.000282", row.TextContent);
        var preview = row.QuerySelector("[data-testid=output-preview]")!;
        Assert.Equal("<b onmouseover=alert(1)>Echo</b> <script>alert(2)</script>", preview.TextContent);
        Assert.Empty(preview.Children);
        Assert.Equal($"traces/{trace.Id}", row.QuerySelector("a[data-testid=trace-link]")!.GetAttribute("href"));
        Assert.Equal("1 trace", page.Find("[data-testid=trace-count]").TextContent);
    }

    [Fact]
    public void More_matches_than_are_counted_read_as_ten_thousand_plus()
    {
        Api.Page = new TracePageDto([TraceSamples.Summary()], 10_000, true, 1, 50);

        var page = Open(TeamRoleDto.Viewer);

        Assert.StartsWith("10,000+ traces", page.Find("[data-testid=trace-count]").TextContent);
        Assert.Contains("of 10,000+", page.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public void A_failed_trace_shows_its_problem_instead_of_an_output()
    {
        Api.Traces.Add(TraceSamples.Summary(status: TraceStatusDto.Failed, preview: string.Empty));

        var page = Open(TeamRoleDto.Viewer);

        Assert.Equal("The provider is limiting the rate", page.Find("[data-testid=output-preview]").TextContent);
    }

    [Fact]
    public async Task Filters_reload_the_list_with_the_query_they_ask_for()
    {
        var page = Open(TeamRoleDto.Viewer);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<TraceSourceDto?>>().Instance.ValueChanged.InvokeAsync(TraceSourceDto.Knowledge));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<TraceStatusDto?>>().Instance.ValueChanged.InvokeAsync(TraceStatusDto.Failed));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(PromptListApi.SupportAnswer.Id));
        page.Find("input[data-testid=model-filter]").Change("fake-chat");
        page.Find("input[data-testid=tag-filter]").Change("support");
        page.Find("input[data-testid=search-filter]").Change("session-4");
        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("helpfulness"));
        page.Find("input[data-testid=min-score]").Change("3");
        await page.InvokeAsync(() => page.FindComponent<MudDateRangePicker>().Instance.DateRangeChanged
            .InvokeAsync(new DateRange(new DateTime(2026, 12, 1), new DateTime(2026, 12, 6))));

        page.WaitForAssertion(() => Assert.NotNull(Api.Queries.Last().From));
        Assert.Equal(new TraceListQuery
        {
            Source = TraceSourceDto.Knowledge,
            Status = TraceStatusDto.Failed,
            PromptId = PromptListApi.SupportAnswer.Id,
            Model = "fake-chat",
            Tag = "support",
            Search = "session-4",
            ScoreName = "helpfulness",
            MinScore = 3,
            From = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddTicks(-1),
            Page = 1,
            PageSize = 50,
        }, Api.Queries.Last());
        Assert.Contains("No traces match these filters.", page.Find("[data-testid=traces-none]").TextContent);
    }

    [Fact]
    public void A_new_filter_starts_again_from_the_first_page()
    {
        Api.Page = new TracePageDto([TraceSamples.Summary()], 120, false, 1, 50);
        var page = Open(TeamRoleDto.Viewer);

        page.Find("button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, Api.Queries.Last().Page));
        page.Find("input[data-testid=tag-filter]").Change("support");

        page.WaitForAssertion(() => Assert.Equal(("support", 1), (Api.Queries.Last().Tag, Api.Queries.Last().Page)));
    }

    [Fact]
    public void A_team_without_traces_is_told_how_to_record_the_first()
    {
        var page = Open(TeamRoleDto.Viewer);

        var empty = page.Find("[data-testid=traces-empty]");
        Assert.Contains("run a prompt in the playground", empty.TextContent);
        Assert.Equal("playground", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_filter_the_server_refuses_shows_its_reason()
    {
        Api.ListProblem = new ApiProblem(400, "The input is not valid", null,
            new Dictionary<string, string[]> { ["From"] = ["The start of the period must be before its end."] });

        var page = Open(TeamRoleDto.Viewer);

        Assert.Contains("The start of the period must be before its end.", page.Find("[data-testid=traces-problem]").TextContent);
    }

    [Fact]
    public void Dropped_records_and_an_unreachable_database_are_explained_above_the_list()
    {
        Api.Settings = Api.Settings with { Dropped = 12, Queued = 340, DatabaseUnavailable = true };

        var page = Open(TeamRoleDto.Viewer);

        var dropped = page.Find("[data-testid=writer-dropped]").TextContent;
        Assert.Contains("12 trace records dropped.", dropped);
        Assert.Contains("Portal:Traces:QueueCapacity", dropped);
        var waiting = page.Find("[data-testid=writer-database-unavailable]").TextContent;
        Assert.Contains("340 trace records wait in memory", waiting);
        Assert.Contains("saved as soon as the database answers again", waiting);
    }

    [Fact]
    public void A_healthy_writer_shows_no_banner()
    {
        var page = Open(TeamRoleDto.Viewer);

        Assert.Empty(page.FindAll("[data-testid=writer-dropped]"));
        Assert.Empty(page.FindAll("[data-testid=writer-database-unavailable]"));
    }

    [Fact]
    public async Task An_owner_chooses_how_much_content_traces_keep()
    {
        var page = Open(TeamRoleDto.Owner);
        await OpenTabAsync(page, 2);

        var selector = page.Find("[data-testid=privacy-selector]");
        Assert.Contains("never its text", selector.TextContent);
        Assert.Contains("No content at all is kept", selector.TextContent);
        await page.InvokeAsync(() => page.FindComponent<MudRadioGroup<TracePrivacyDto>>().Instance.ValueChanged.InvokeAsync(TracePrivacyDto.MetadataOnly));

        Assert.Equal([TracePrivacyDto.MetadataOnly], Api.PrivacyChanges);
        Assert.Equal(TracePrivacyDto.MetadataOnly, page.FindComponent<MudRadioGroup<TracePrivacyDto>>().Instance.Value);
    }

    [Fact]
    public async Task An_editor_sees_the_privacy_level_but_cannot_change_it()
    {
        var page = Open(TeamRoleDto.Editor);
        await OpenTabAsync(page, 2);

        Assert.Empty(page.FindAll("[data-testid=privacy-selector]"));
        Assert.Contains("Only an owner of the team can change this.", page.Find("[data-testid=privacy-level]").TextContent);
    }

    [Fact]
    public async Task A_viewer_reads_the_score_definitions_without_controls()
    {
        var page = Open(TeamRoleDto.Viewer);
        await OpenTabAsync(page, 1);

        var rows = page.FindAll("[data-testid=definitions-table] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("1 to 5", rows[1].TextContent);
        Assert.Contains("positive, negative", rows[2].TextContent);
        Assert.Empty(page.FindAll("[data-testid=new-definition]"));
        Assert.Empty(page.FindAll("button[aria-label^='Delete']"));
    }

    [Fact]
    public async Task An_editor_defines_a_score_and_sees_the_servers_reason_when_it_is_refused()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Open(TeamRoleDto.Editor);
        await OpenTabAsync(page, 1);
        Api.NextProblem = new ApiProblem(400, "The input is not valid", null,
            new Dictionary<string, string[]> { ["Categories"] = ["A categorical score needs at least two categories."] });

        page.Find("[data-testid=new-definition]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("input[data-testid=definition-name]")));
        dialogs.Find("input[data-testid=definition-name]").Input("tone");
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<ScoreDataTypeDto>>().Instance.ValueChanged.InvokeAsync(ScoreDataTypeDto.Categorical));
        dialogs.Find("textarea[data-testid=definition-categories]").Input("friendly");
        dialogs.Find("[data-testid=definition-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A categorical score needs at least two categories.", dialogs.Markup));
        dialogs.Find("textarea[data-testid=definition-categories]").Input("friendly, formal\nterse");
        dialogs.Find("[data-testid=definition-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=definitions-table] tbody tr").Count));
        Assert.Equal(new CreateScoreDefinitionRequest("tone", ScoreDataTypeDto.Categorical), Api.Defined.Single() with { Categories = null });
        Assert.Equal(["friendly", "formal", "terse"], Api.Defined.Single().Categories);
    }

    [Fact]
    public void Score_definitions_open_from_the_link_on_a_trace_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("view", TracesPage.DefinitionsView));

        var page = Open(TeamRoleDto.Editor);

        Assert.Equal("Score definitions", page.Find(".mud-tab-active").TextContent.Trim());
    }

    private IRenderedComponent<TracesPage> Open(TeamRoleDto role)
    {
        var page = RenderWithPopovers<TracesPage>(p => p.AddCascadingValue(SessionAs(role)));
        page.WaitForAssertion(() => Assert.True(
            page.FindAll("[data-testid=traces-problem]").Count > 0 || page.Find("[data-testid=trace-count]").TextContent.Length > 0));
        return page;
    }

    private static Task OpenTabAsync(IRenderedComponent<TracesPage> page, int index) =>
        page.InvokeAsync(() => page.FindComponent<MudTabs>().Instance.ActivatePanelAsync(index));
}
