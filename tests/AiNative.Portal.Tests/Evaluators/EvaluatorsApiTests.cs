using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Tests.Prompts;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Evaluators;

public sealed class EvaluatorsApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Evaluators(string relative = "") => $"/api/teams/{portal.DemoTeam}/evaluators{relative}";

    [Fact]
    public async Task An_editor_creates_an_evaluator_and_a_change_of_settings_saves_the_next_version()
    {
        var created = await portal.Admin.PostAsJsonAsync(Evaluators(),
            new SaveEvaluatorRequest("Order id", "The answer names the order.", "regex", new EvaluatorSettingsDto { Pattern = @"ORD-\d{6}" }), PortalJson.Options, Cancel);
        var evaluator = await ReadAsync<EvaluatorDetailsDto>(created);
        var changed = await portal.Admin.PutAsJsonAsync(Evaluators($"/{evaluator.Id}"),
            new SaveEvaluatorRequest("Order id", null, "Regex", new EvaluatorSettingsDto { Pattern = @"ORD-\d{6}", IgnoreCase = true }), PortalJson.Options, Cancel);

        var list = await portal.Admin.GetFromJsonAsync<List<EvaluatorSummaryDto>>(Evaluators(), PortalJson.Options, Cancel);
        var first = await portal.Admin.GetFromJsonAsync<EvaluatorVersionDto>(Evaluators($"/{evaluator.Id}/versions/1"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/teams/{portal.DemoTeam}/evaluators/{evaluator.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal([2, 1], (await ReadAsync<EvaluatorDetailsDto>(changed)).Versions.Select(v => v.Number));
        Assert.Contains(list!, e => e.Id == evaluator.Id && e is { Kind: "Regex", LatestVersion: 2 });
        Assert.Equal(("Regex", @"ORD-\d{6}", false, PortalFactory.AdminName), (first!.Kind, first.Settings.Pattern, first.Settings.IgnoreCase, first.CreatedBy));
    }

    [Fact]
    public async Task Bad_settings_and_unknown_kinds_answer_400_naming_the_field()
    {
        var badRegex = await portal.Admin.PostAsJsonAsync(Evaluators(),
            new SaveEvaluatorRequest("Broken", null, "Regex", new EvaluatorSettingsDto { Pattern = "([a-z]" }), PortalJson.Options, Cancel);
        var badSchema = await portal.Admin.PostAsJsonAsync(Evaluators(),
            new SaveEvaluatorRequest("Shape", null, "JsonSchema", new EvaluatorSettingsDto { Schema = """{"type": """ }), PortalJson.Options, Cancel);
        var unknown = await portal.Admin.PostAsJsonAsync(Evaluators(), new SaveEvaluatorRequest("Vibes", null, "Vibes"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, badRegex.StatusCode);
        Assert.StartsWith("The pattern is not a valid regular expression", (await ReadAsync<ProblemBody>(badRegex)).Errors!["Settings.Pattern"].Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSchema.StatusCode);
        Assert.Contains("Settings.Schema", (await ReadAsync<ProblemBody>(badSchema)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("'Vibes' is not an evaluator kind.", (await ReadAsync<ProblemBody>(unknown)).Errors!["Kind"].Single(), StringComparison.Ordinal);
        var list = await portal.Admin.GetFromJsonAsync<List<EvaluatorSummaryDto>>(Evaluators(), PortalJson.Options, Cancel);
        Assert.DoesNotContain(list!, e => e.Name is "Broken" or "Shape" or "Vibes");
    }

    [Fact]
    public async Task A_viewer_reads_evaluators_but_every_change_answers_403()
    {
        var evaluator = await ReadAsync<EvaluatorDetailsDto>(await portal.Admin.PostAsJsonAsync(Evaluators(),
            new SaveEvaluatorRequest("Is JSON", null, "ValidJson"), PortalJson.Options, Cancel));
        await portal.Portal.CreateUserAsync("evaluator-viewer@example.com", "Vic Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("evaluator-viewer@example.com");

        var reads = new[]
        {
            await viewer.GetAsync(Evaluators(), Cancel),
            await viewer.GetAsync(Evaluators($"/{evaluator.Id}"), Cancel),
            await viewer.GetAsync(Evaluators($"/{evaluator.Id}/versions/1"), Cancel),
        };
        var changes = new[]
        {
            await viewer.PostAsJsonAsync(Evaluators(), new SaveEvaluatorRequest("Mine", null, "ValidJson"), PortalJson.Options, Cancel),
            await viewer.PutAsJsonAsync(Evaluators($"/{evaluator.Id}"), new SaveEvaluatorRequest("Renamed", null, "ValidJson"), PortalJson.Options, Cancel),
            await viewer.DeleteAsync(Evaluators($"/{evaluator.Id}"), Cancel),
        };

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(changes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Another_teams_evaluator_answers_404()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Evaluators elsewhere");
        Guid theirs;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(elsewhere, "Evaluators elsewhere"));
            theirs = (await scope.ServiceProvider.GetRequiredService<EvaluatorDefinitions>()
                .CreateAsync(new EvaluatorInput("Theirs", null, EvaluatorKind.ValidJson, new EvaluatorSettings()), Cancel)).Id;
        }

        var byId = await portal.Admin.GetAsync(Evaluators($"/{theirs}"), Cancel);
        var changed = await portal.Admin.PutAsJsonAsync(Evaluators($"/{theirs}"), new SaveEvaluatorRequest("Mine now", null, "ValidJson"), PortalJson.Options, Cancel);
        var deleted = await portal.Admin.DeleteAsync(Evaluators($"/{theirs}"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}
