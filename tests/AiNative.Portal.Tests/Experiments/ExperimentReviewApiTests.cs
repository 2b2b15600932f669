using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Tests.Prompts;
using AiNative.Portal.Tests.Runs;
using AiNative.Services.Teams;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>Human review of an experiment of the demo prompt's two versions over the demo dataset, scored with the demo team's score definitions.</summary>
public sealed class ExperimentReviewApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reviewer_walks_the_queue_and_the_score_lands_on_the_cells_trace_and_in_the_review_summary()
    {
        var experimentId = await FinishedExperimentAsync("Reviewed");

        var before = await GetAsync<ReviewQueueDto>(Path(experimentId, "?score=correct"));
        using var saved = await portal.Admin.PostAsJsonAsync(
            Path(experimentId, $"/cells/{before.Next!.CellId}"), new AddScoreRequest("correct", 1, Comment: "Right and short."), PortalJson.Options, Cancel);
        var after = await GetAsync<ReviewQueueDto>(Path(experimentId, "?score=correct"));
        var trace = await GetAsync<TraceDetailsDto>($"/api/teams/{portal.DemoTeam}/traces/{before.Next.TraceId}");
        var summary = await GetAsync<ReviewSummaryDto>(Path(experimentId, "/summary"));

        Assert.Equal(("correct", 0, 12, 1L), (before.Score, before.Reviewed, before.Total, before.Next.Number));
        Assert.Equal("Support answer v1 · offline-chat", before.Next.Variant);
        Assert.NotNull(before.Next.Variables!["question"]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal((1, 12), (after.Reviewed, after.Total));
        Assert.NotEqual(before.Next.CellId, after.Next!.CellId);
        Assert.Contains(trace.Scores, s => (s.Name, s.Value, s.Source, s.Comment) == ("correct", 1d, ScoreSourceDto.Human, "Right and short."));
        var correct = Assert.Single(summary.Scores);
        Assert.Equal(("correct", 1, 1d, 0), (correct.Name, correct.Variants[0].Count, correct.Variants[0].Mean, correct.Variants[1].Count));
    }

    [Fact]
    public async Task A_score_outside_its_scale_or_an_unknown_score_answers_400_naming_it()
    {
        var experimentId = await FinishedExperimentAsync("Out of scale");
        var next = await GetAsync<ReviewQueueDto>(Path(experimentId, "?score=helpfulness"));

        using var outside = await portal.Admin.PostAsJsonAsync(
            Path(experimentId, $"/cells/{next.Next!.CellId}"), new AddScoreRequest("helpfulness", 6), PortalJson.Options, Cancel);
        using var unknown = await portal.Admin.GetAsync(Path(experimentId, "?score=stars"), Cancel);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (outside.StatusCode, unknown.StatusCode));
        Assert.Equal("6 is outside the range of 'helpfulness' from 1 to 5.", (await ReadAsync<ProblemBody>(outside)).Errors!["Value"][0]);
        Assert.StartsWith("The team has no score named 'stars'.", (await ReadAsync<ProblemBody>(unknown)).Errors!["Score"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_the_queue_but_scoring_answers_403_and_another_team_answers_404()
    {
        var experimentId = await FinishedExperimentAsync("Viewed review");
        var cellId = (await GetAsync<ReviewQueueDto>(Path(experimentId, "?score=correct"))).Next!.CellId;
        await portal.Portal.CreateUserAsync("review-viewer@example.com", "Rita Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("review-viewer@example.com");
        var elsewhere = await portal.Portal.CreateTeamAsync("Review elsewhere");
        var score = new AddScoreRequest("correct", 1);

        using var read = await viewer.GetAsync(Path(experimentId, "?score=correct"), Cancel);
        using var summary = await viewer.GetAsync(Path(experimentId, "/summary"), Cancel);
        using var scored = await viewer.PostAsJsonAsync(Path(experimentId, $"/cells/{cellId}"), score, PortalJson.Options, Cancel);
        var notFound = new[]
        {
            await portal.Admin.GetAsync($"/api/teams/{elsewhere}/experiments/{experimentId}/review?score=correct", Cancel),
            await portal.Admin.PostAsJsonAsync($"/api/teams/{elsewhere}/experiments/{experimentId}/review/cells/{cellId}", score, PortalJson.Options, Cancel),
            await portal.Admin.GetAsync(Path(Guid.NewGuid(), "/summary"), Cancel),
            await portal.Admin.PostAsJsonAsync(Path(experimentId, $"/cells/{Guid.NewGuid()}"), score, PortalJson.Options, Cancel),
        };

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (read.StatusCode, summary.StatusCode, scored.StatusCode));
        Assert.All(notFound, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, (await GetAsync<ReviewQueueDto>(Path(experimentId, "?score=correct"))).Reviewed);
    }

    /// <summary>Versions 1 and 2 of the demo prompt over the demo dataset's six questions, run to the end.</summary>
    private async Task<Guid> FinishedExperimentAsync(string name)
    {
        var prompts = await GetAsync<List<PromptSummaryDto>>($"/api/teams/{portal.DemoTeam}/prompts");
        var prompt = prompts.Single(p => p.Name == "Support answer");
        var dataset = (await GetAsync<List<DatasetDto>>($"/api/teams/{portal.DemoTeam}/datasets")).Single(d => d.Name == "Support questions");
        using var created = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/experiments",
            new CreateExperimentRequest(name, dataset.Id, [new VariantRequest(prompt.Id, 1), new VariantRequest(prompt.Id, 2)]), PortalJson.Options, Cancel);
        var experimentId = (await ReadAsync<ExperimentDetailsDto>(created)).Id;
        using var started = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/experiments/{experimentId}/start", new { }, Cancel);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        await using var events = await SseResponse.GetAsync(portal.Admin, $"/api/teams/{portal.DemoTeam}/experiments/{experimentId}/events");
        while (await events.NextAsync() is { } item)
        {
            if (JsonSerializer.Deserialize<ExperimentProgressDto>(item.Data, PortalJson.Options)!.Status == ExperimentStatusDto.Completed)
            {
                return experimentId;
            }
        }

        throw new InvalidOperationException("The events ended before the run did.");
    }

    private async Task<T> GetAsync<T>(string path) => (await portal.Admin.GetFromJsonAsync<T>(path, PortalJson.Options, Cancel))!;

    private string Path(Guid experimentId, string relative) => $"/api/teams/{portal.DemoTeam}/experiments/{experimentId}/review{relative}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}
