using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Experiments;

public sealed class ExperimentReportPageTests : PortalComponentTest
{
    private readonly FakeExperimentsApi _experiments = new();

    private readonly FakeExperimentReviewApi _review = new();

    public ExperimentReportPageTests()
    {
        Services.AddSingleton<IExperimentsApi>(_experiments);
        Services.AddSingleton<IExperimentReviewApi>(_review);
        Services.AddSingleton<ISessionApi>(new FakeSessionApi());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_viewer_reads_the_definition_the_summary_and_the_review_without_the_controls_to_change_them()
    {
        var experiment = Details();
        _experiments.Details.Add(experiment);
        var session = SessionAs(TeamRoleDto.Viewer);

        var page = Open(experiment.Id, session, null);

        Assert.Equal("Report: Prompt change", page.Find("h1").TextContent);
        Assert.Equal("Dataset Support questions, version 3 (pinned) · 6 items · cost cap $0.50 · estimated 12 calls, $0.01",
            Normalized(page.Find("[data-testid=report-dataset]").TextContent));
        var variants = page.FindAll("[data-testid=report-variants] tbody tr").Select(r => Normalized(r.TextContent)).ToList();
        Assert.Equal(["v1 (baseline) Answer v1 (label production) chat the version's", "v2 Answer v2 chat temperature 0.2"], variants);
        Assert.Equal("Evaluators: exact v3 (ExactMatch)", Normalized(page.Find("[data-testid=report-evaluators]").TextContent));
        Assert.Contains("0.8", page.Find("[data-testid=summary-table]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=score-chart]"));
        Assert.Equal("No person has scored a cell yet.", Normalized(page.Find("[data-testid=review-summary-empty]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=open-review]"));
        Assert.NotNull(page.Find("[data-testid=copy-link]"));
    }

    [Fact]
    public void A_report_opened_while_the_experiment_runs_says_its_figures_cover_only_the_cells_finished_so_far()
    {
        var finished = Details();
        var running = Details() with { Progress = finished.Progress with { Status = ExperimentStatusDto.Running, Succeeded = 5, Done = 5, FinishedAt = null } };
        _experiments.Details.AddRange([finished, running]);

        var page = Open(running.Id, SessionAs(TeamRoleDto.Viewer), null);
        var done = Open(finished.Id, SessionAs(TeamRoleDto.Viewer), null);

        Assert.Equal("This experiment is still running: the figures below cover the 5 of 12 cells finished so far. Reload the report when it has ended.",
            Normalized(page.Find("[data-testid=report-unfinished]").TextContent));
        Assert.NotNull(page.Find("[data-testid=summary-table]"));
        Assert.Empty(done.FindAll("[data-testid=report-unfinished]"));
    }

    [Fact]
    public void A_link_from_another_of_the_members_teams_offers_to_switch_to_it_and_an_unknown_experiment_says_so()
    {
        var current = new TeamSummaryDto(Guid.NewGuid(), "Research", "research", TeamRoleDto.Viewer);
        var other = new TeamSummaryDto(Guid.NewGuid(), "Support", "support", TeamRoleDto.Viewer);
        var session = new SessionDto(Guid.NewGuid(), "Pat Person", "pat@example.com", false, current, [current, other]);

        var elsewhere = Open(Guid.NewGuid(), session, other.Id);
        Assert.Contains("This report belongs to the team Support, and you are working in Research.", Normalized(elsewhere.Find("[data-testid=report-other-team]").TextContent));

        var unknown = Open(Guid.NewGuid(), session, null);
        Assert.Contains("does not exist in this team", unknown.Find("[data-testid=report-problem]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ExperimentReportPage> Open(Guid experimentId, SessionDto session, Guid? team)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("team", team));
        var page = Render<ExperimentReportPage>(p => p.Add(r => r.ExperimentId, experimentId).AddCascadingValue(session));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Loading the report']")));
        return page;
    }

    private static ExperimentDetailsDto Details()
    {
        var id = Guid.NewGuid();
        var progress = new ExperimentProgressDto(id, ExperimentStatusDto.Completed, null, 12, 12, 0, 0, 0, 12, 0.01m, null, DateTimeOffset.UtcNow);
        ExperimentVariantDto Variant(int position, string? label, float? temperature) => new(
            Guid.NewGuid(), position, $"v{position + 1}", position == 0, Guid.NewGuid(), "Answer", position + 1, label, Guid.NewGuid(), "chat", false, temperature, null, null);
        ScoreSummaryDto Score(double mean) => new("exact", mean, mean - 0.1, mean + 0.1, 6, mean, mean - 0.2, 1, 5, 0, null, null, null, null);
        VariantSummaryDto Summary(ExperimentVariantDto v, double mean) => new(
            v.Id, v.Name, v.IsBaseline, 6, 6, 0, 0, 0, 0, 100, 150, 60, 24, 0.005m, [Score(mean)], []);
        var variants = new[] { Variant(0, "production", null), Variant(1, null, 0.2f) };
        return new ExperimentDetailsDto(
            id, "Prompt change", null, Guid.NewGuid(), "Support questions", 3, 6, variants,
            [new PinnedEvaluatorDto(Guid.NewGuid(), "exact", 3, "ExactMatch")], 0.5m, 12, 0.01m, progress, 120, 48, DateTimeOffset.UtcNow, "Pat Person", "Pat Person",
            new ExperimentSummaryDto(["exact"], [Summary(variants[0], 0.8), Summary(variants[1], 0.5)], null));
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private sealed class FakeSessionApi : ISessionApi
    {
        public Task<SessionDto> GetAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SwitchTeamAsync(Guid teamId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
