using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Tests.Prompts;
using AiNative.Portal.Tests.Runs;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>Experiments over the demo data: the "Support answer" prompt's two versions on the built-in offline model, over "Support questions".</summary>
public sealed class ExperimentsApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_experiment_is_estimated_created_run_with_live_progress_summarized_paged_and_exported()
    {
        var request = await RequestAsync("Demo comparison", await EvaluatorAsync("similar to expected", "Levenshtein"));

        var estimate = await PostAsync<ExperimentEstimateDto>(Path("/estimate"), request);
        var created = await PostAsync<ExperimentDetailsDto>(Path(), request, HttpStatusCode.Created);
        var started = await PostAsync<ExperimentDetailsDto>(Path($"/{created.Id}/start"), new { });
        var ended = await WaitForEndAsync(created.Id);
        var details = await portal.Admin.GetFromJsonAsync<ExperimentDetailsDto>(Path($"/{created.Id}"), PortalJson.Options, Cancel);
        var page = await portal.Admin.GetFromJsonAsync<ExperimentRowPageDto>(Path($"/{created.Id}/cells?page=2&pageSize=4"), PortalJson.Options, Cancel);
        using var csv = await portal.Admin.GetAsync(Path($"/{created.Id}/cells/export?format=csv"), Cancel);
        var jsonl = await portal.Admin.GetStringAsync(Path($"/{created.Id}/cells/export?format=jsonl"), Cancel);

        Assert.Equal((6, 12), (estimate.Items, estimate.Calls));
        Assert.Contains(estimate.Notes, n => n.Contains("no price", StringComparison.Ordinal));
        Assert.Equal((ExperimentStatusDto.Draft, 12), (created.Progress.Status, created.EstimatedCalls));
        Assert.Equal(ExperimentStatusDto.Running, started.Progress.Status);
        Assert.Equal((ExperimentStatusDto.Completed, 12, 12), (ended.Status, ended.Done, ended.Succeeded));
        Assert.Equal(["Support answer v1 · offline-chat", "Support answer v2 · offline-chat"], details!.Summary.Variants.Select(v => v.Name));
        Assert.All(details.Summary.Variants, v => Assert.Equal((6, 6), (v.Succeeded, v.Scores.Single().Scored)));
        Assert.All(details.Summary.Variants, v => Assert.True(v.Scores[0].MeanLow <= v.Scores[0].Mean && v.Scores[0].Mean <= v.Scores[0].MeanHigh));
        Assert.NotNull(details.Summary.Variants[1].Scores[0].PValue);
        Assert.Equal((6, 2, 2), (page!.Total, page.Page, page.Rows.Count));
        Assert.Equal([5L, 6], page.Rows.Select(r => r.Number));
        Assert.All(page.Rows, r => Assert.Equal(2, r.Cells.Count));
        Assert.Equal("How much does a seat of the portal cost per month?", page.Rows[1].Variables!["question"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("Demo-comparison-cells.csv", csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(13, (await csv.Content.ReadAsStringAsync(Cancel)).TrimEnd().Split("\r\n").Length);
        Assert.Equal(12, jsonl.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_each_field()
    {
        var request = await RequestAsync(" ") with { Variants = [], BaselineIndex = 3, CostCap = -1 };

        using var response = await portal.Admin.PostAsJsonAsync(Path(), request, PortalJson.Options, Cancel);
        using var estimate = await portal.Admin.PostAsJsonAsync(Path("/estimate"), request with { DatasetId = Guid.NewGuid() }, PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<ProblemBody>(response);
        Assert.Equal(["BaselineIndex", "CostCap", "Name", "Variants"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("An experiment compares 2 to 6 variants; it has 0.", problem.Errors["Variants"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, estimate.StatusCode);
        Assert.Contains("DatasetId", (await ReadAsync<ProblemBody>(estimate)).Errors!.Keys);
        using var filter = await portal.Admin.GetAsync(Path($"/{Guid.NewGuid()}/cells?filter=worst&sort=random"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("'worst' is not a filter; use all, failures, regressions or disagreements.", (await ReadAsync<ProblemBody>(filter)).Errors!["Filter"]);
    }

    [Fact]
    public async Task Promoting_a_variant_moves_the_label_to_its_version_and_answers_with_the_version_before()
    {
        var created = await PostAsync<ExperimentDetailsDto>(Path(), await RequestAsync("Promoted"), HttpStatusCode.Created);

        var first = await PostAsync<PromotionDto>(Path($"/{created.Id}/variants/{created.Variants[1].Id}/promote"), new PromoteRequest("candidate"));
        var back = await PostAsync<PromotionDto>(Path($"/{created.Id}/variants/{created.Variants[0].Id}/promote"), new PromoteRequest("candidate"));
        using var bad = await portal.Admin.PostAsJsonAsync(Path($"/{created.Id}/variants/{created.Variants[0].Id}/promote"), new PromoteRequest("two words"), PortalJson.Options, Cancel);

        Assert.Equal(("candidate", (int?)null, 2), (first.Label, first.PreviousVersion, first.Version));
        Assert.Equal((2, 1), (back.PreviousVersion, back.Version));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Name", (await ReadAsync<ProblemBody>(bad)).Errors!.Keys);
    }

    [Fact]
    public async Task A_viewer_reads_experiments_but_creating_starting_cancelling_and_rerunning_answer_403()
    {
        var request = await RequestAsync("Viewed");
        var created = await PostAsync<ExperimentDetailsDto>(Path(), request, HttpStatusCode.Created);
        await portal.Portal.CreateUserAsync("experiment-viewer@example.com", "Vera Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("experiment-viewer@example.com");

        var reads = new[]
        {
            await viewer.GetAsync(Path(), Cancel),
            await viewer.GetAsync(Path($"/{created.Id}"), Cancel),
            await viewer.GetAsync(Path($"/{created.Id}/cells"), Cancel),
            await viewer.GetAsync(Path($"/{created.Id}/cells/export?format=jsonl"), Cancel),
        };
        var changes = new[]
        {
            await viewer.PostAsJsonAsync(Path(), request with { Name = "Mine" }, PortalJson.Options, Cancel),
            await viewer.PostAsJsonAsync(Path("/estimate"), request, PortalJson.Options, Cancel),
            await viewer.PostAsJsonAsync(Path($"/{created.Id}/start"), new { }, Cancel),
            await viewer.PostAsJsonAsync(Path($"/{created.Id}/cancel"), new { }, Cancel),
            await viewer.PostAsJsonAsync(Path($"/{created.Id}/rerun-failed"), new { }, Cancel),
            await viewer.PostAsJsonAsync(Path($"/{created.Id}/variants/{created.Variants[1].Id}/promote"), new PromoteRequest("candidate"), PortalJson.Options, Cancel),
        };

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(changes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var after = await portal.Admin.GetFromJsonAsync<ExperimentDetailsDto>(Path($"/{created.Id}"), PortalJson.Options, Cancel);
        Assert.Equal(ExperimentStatusDto.Draft, after!.Progress.Status);
    }

    [Fact]
    public async Task Another_teams_experiment_answers_404_everywhere()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Experiment elsewhere");
        var theirs = await OwnExperiments.CreateAsync(portal.Portal, elsewhere, "Theirs");

        var responses = new[]
        {
            await portal.Admin.GetAsync(Path($"/{theirs}"), Cancel),
            await portal.Admin.GetAsync(Path($"/{theirs}/cells"), Cancel),
            await portal.Admin.GetAsync(Path($"/{theirs}/cells/export"), Cancel),
            await portal.Admin.GetAsync(Path($"/{theirs}/events"), Cancel),
            await portal.Admin.PostAsJsonAsync(Path($"/{theirs}/start"), new { }, Cancel),
            await portal.Admin.PostAsJsonAsync(Path($"/{theirs}/cancel"), new { }, Cancel),
            await portal.Admin.PostAsJsonAsync(Path($"/{theirs}/variants/{Guid.NewGuid()}/promote"), new { }, Cancel),
            await portal.Admin.GetAsync($"/api/teams/{elsewhere}/experiments", Cancel),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Starting_twice_and_cancelling_a_draft_answer_409_saying_why()
    {
        var created = await PostAsync<ExperimentDetailsDto>(Path(), await RequestAsync("Twice"), HttpStatusCode.Created);

        using var cancelDraft = await portal.Admin.PostAsJsonAsync(Path($"/{created.Id}/cancel"), new { }, Cancel);
        using var rerunDraft = await portal.Admin.PostAsJsonAsync(Path($"/{created.Id}/rerun-failed"), new { }, Cancel);
        await PostAsync<ExperimentDetailsDto>(Path($"/{created.Id}/start"), new { });
        using var again = await portal.Admin.PostAsJsonAsync(Path($"/{created.Id}/start"), new { }, Cancel);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (cancelDraft.StatusCode, rerunDraft.StatusCode, again.StatusCode));
        Assert.Equal("'Twice' is not running, so there is nothing to cancel.", (await ReadAsync<ProblemBody>(cancelDraft)).Detail);
        Assert.Contains("has started already", (await ReadAsync<ProblemBody>(again)).Detail);
        await WaitForEndAsync(created.Id);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_experiment_routes()
    {
        using var response = await portal.Admin.GetAsync("/openapi/v1.json", Cancel);
        var document = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.IsSuccessStatusCode, document);
        Assert.Contains("\"/api/teams/{teamId}/experiments/{experimentId}/cells/export\"", document);
        Assert.Contains("\"EstimateExperiment\"", document);
        Assert.Contains("\"WatchExperiment\"", document);
    }

    /// <summary>Reads the experiment's events (its progress now, then after every cell) until its run ended.</summary>
    private async Task<ExperimentProgressDto> WaitForEndAsync(Guid experimentId)
    {
        await using var events = await SseResponse.GetAsync(portal.Admin, Path($"/{experimentId}/events"));
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        while (await events.NextAsync() is { } item)
        {
            var progress = JsonSerializer.Deserialize<ExperimentProgressDto>(item.Data, PortalJson.Options)!;
            if (progress.Status is not (ExperimentStatusDto.Running or ExperimentStatusDto.Draft))
            {
                return progress;
            }
        }

        throw new InvalidOperationException("The events ended before the run did.");
    }

    /// <summary>The demo prompt's versions 1 (the baseline) and 2 over the demo dataset's latest version.</summary>
    private async Task<CreateExperimentRequest> RequestAsync(string name, params Guid[] evaluators)
    {
        var prompts = await portal.Admin.GetFromJsonAsync<List<PromptSummaryDto>>($"/api/teams/{portal.DemoTeam}/prompts", PortalJson.Options, Cancel);
        var prompt = prompts!.Single(p => p.Name == "Support answer");
        var datasets = await portal.Admin.GetFromJsonAsync<List<DatasetDto>>($"/api/teams/{portal.DemoTeam}/datasets", PortalJson.Options, Cancel);
        var dataset = datasets!.Single(d => d.Name == "Support questions");
        return new CreateExperimentRequest($"{name}", dataset.Id, [new VariantRequest(prompt.Id, 1), new VariantRequest(prompt.Id, 2)], EvaluatorIds: evaluators);
    }

    private async Task<Guid> EvaluatorAsync(string name, string kind) =>
        (await PostAsync<EvaluatorDetailsDto>($"/api/teams/{portal.DemoTeam}/evaluators", new SaveEvaluatorRequest(name, null, kind), HttpStatusCode.Created)).Id;

    private async Task<T> PostAsync<T>(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await portal.Admin.PostAsync(path, JsonContent.Create(body, body.GetType(), options: PortalJson.Options), Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await ReadAsync<T>(response);
    }

    private string Path(string relative = "") => $"/api/teams/{portal.DemoTeam}/experiments{relative}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}
