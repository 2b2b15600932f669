using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Tests.Prompts;
using AiNative.Services.Teams;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>Comparisons over the demo data: two drafts of the "Support answer" prompt's versions on "Support questions", and experiments on datasets of their own.</summary>
public sealed class ExperimentComparisonApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_experiments_on_one_dataset_compare_and_different_datasets_answer_400_naming_the_problem()
    {
        var before = await CreateAsync("Compared before");
        var after = await CreateAsync("Compared after");
        var elsewhere = await OwnExperiments.CreateAsync(portal.Portal, portal.DemoTeam, "Compared elsewhere");

        var comparison = await portal.Admin.GetFromJsonAsync<ExperimentComparisonDto>(Path($"?left={before}&right={after}"), PortalJson.Options, Cancel);
        var items = await portal.Admin.GetFromJsonAsync<ChangedItemPageDto>(Path($"/items?left={before}&right={after}&direction=improved"), PortalJson.Options, Cancel);
        using var different = await portal.Admin.GetAsync(Path($"?left={before}&right={elsewhere}"), Cancel);
        using var missing = await portal.Admin.GetAsync(Path($"?left={before}"), Cancel);
        using var direction = await portal.Admin.GetAsync(Path($"/items?left={before}&right={after}&direction=sideways"), Cancel);

        Assert.Equal(("Compared before", "Compared after"), (comparison!.Left.ExperimentName, comparison.Right.ExperimentName));
        Assert.Equal(("Support questions", VariantChoiceDto.Baseline), (comparison.Left.DatasetName, comparison.Left.ChosenBy));
        Assert.Equal(new ItemOverlapDto(0, 0, 0, 0), comparison.Items);
        Assert.Equal(2, comparison.Summary.Variants.Count);
        Assert.Equal(0, items!.Total);
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        var problem = await ReadAsync<ProblemBody>(different);
        Assert.Contains("'Compared before' ran on the dataset 'Support questions' and 'Compared elsewhere' on 'Compared elsewhere'", problem.Errors!["Right"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Right"], (await ReadAsync<ProblemBody>(missing)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, direction.StatusCode);
        Assert.Contains("'sideways' is not a direction; use regressed or improved.", (await ReadAsync<ProblemBody>(direction)).Errors!["Direction"]);
    }

    [Fact]
    public async Task A_viewer_compares_and_another_teams_experiment_answers_404()
    {
        var before = await CreateAsync("Viewed before");
        var after = await CreateAsync("Viewed after");
        var elsewhere = await portal.Portal.CreateTeamAsync("Compared elsewhere team");
        var theirs = await OwnExperiments.CreateAsync(portal.Portal, elsewhere, "Theirs compared");
        await portal.Portal.CreateUserAsync("comparing-viewer@example.com", "Cora Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("comparing-viewer@example.com");

        using var viewed = await viewer.GetAsync(Path($"?left={before}&right={after}"), Cancel);
        using var viewedItems = await viewer.GetAsync(Path($"/items?left={before}&right={after}"), Cancel);
        var notFound = new[]
        {
            await portal.Admin.GetAsync(Path($"?left={before}&right={theirs}"), Cancel),
            await portal.Admin.GetAsync(Path($"?left={theirs}&right={before}"), Cancel),
            await portal.Admin.GetAsync(Path($"/items?left={before}&right={theirs}"), Cancel),
            await portal.Admin.GetAsync($"/api/teams/{elsewhere}/experiments/compare?left={theirs}&right={theirs}", Cancel),
            await viewer.GetAsync($"/api/teams/{elsewhere}/experiments/compare?left={theirs}&right={theirs}", Cancel),
        };

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (viewed.StatusCode, viewedItems.StatusCode));
        Assert.All(notFound, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    /// <summary>A draft of the demo prompt's versions 1 (the baseline) and 2 over the demo dataset's latest version.</summary>
    private async Task<Guid> CreateAsync(string name)
    {
        var prompts = await portal.Admin.GetFromJsonAsync<List<PromptSummaryDto>>($"/api/teams/{portal.DemoTeam}/prompts", PortalJson.Options, Cancel);
        var prompt = prompts!.Single(p => p.Name == "Support answer");
        var datasets = await portal.Admin.GetFromJsonAsync<List<DatasetDto>>($"/api/teams/{portal.DemoTeam}/datasets", PortalJson.Options, Cancel);
        var dataset = datasets!.Single(d => d.Name == "Support questions");
        using var response = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/experiments",
            new CreateExperimentRequest(name, dataset.Id, [new VariantRequest(prompt.Id, 1), new VariantRequest(prompt.Id, 2)]), PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync<ExperimentDetailsDto>(response)).Id;
    }

    private string Path(string relative) => $"/api/teams/{portal.DemoTeam}/experiments/compare{relative}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}
