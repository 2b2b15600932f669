using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Prompts;

public sealed class PromptsApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private static readonly CreateVersionRequest FirstVersion = new(
        "Answer from {{$context}}.",
        "{{$question}}",
        [new PromptVariableDto("context", "The portal keeps prompts.", "What to answer from")],
        null,
        new PromptSettingsDto(Temperature: 0.3f),
        "First version");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_demo_prompt_is_listed_with_its_latest_version_and_labels()
    {
        var prompts = await portal.Admin.GetFromJsonAsync<List<PromptSummaryDto>>(portal.Prompts(), PortalJson.Options, Cancel);

        var demo = Assert.Single(prompts!, p => p.Name == "Support answer");
        Assert.Equal(2, demo.LatestVersion);
        Assert.Equal([new PromptLabelDto("production", 1), new PromptLabelDto("staging", 2)], demo.Labels);
    }

    [Fact]
    public async Task A_prompt_gets_versions_and_a_label_that_moves_between_them()
    {
        var created = await portal.Admin.PostAsJsonAsync(portal.Prompts(), new CreatePromptRequest("Ticket triage", "Sorts tickets"), PortalJson.Options, Cancel);
        var prompt = await ReadAsync<PromptDetailsDto>(created);
        var first = await portal.Admin.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions"), FirstVersion, PortalJson.Options, Cancel);
        var second = await portal.Admin.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions"), FirstVersion with { CommitMessage = "Same text again" }, PortalJson.Options, Cancel);
        await portal.Admin.PutAsJsonAsync(portal.Prompts($"/{prompt.Id}/labels/production"), new MoveLabelRequest(1), PortalJson.Options, Cancel);
        var moved = await portal.Admin.PutAsJsonAsync(portal.Prompts($"/{prompt.Id}/labels/production"), new MoveLabelRequest(2), PortalJson.Options, Cancel);

        var details = await portal.Admin.GetFromJsonAsync<PromptDetailsDto>(portal.Prompts($"/{prompt.Id}"), PortalJson.Options, Cancel);
        var v1 = await portal.Admin.GetFromJsonAsync<PromptVersionDto>(portal.Prompts($"/{prompt.Id}/versions/1"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/teams/{portal.DemoTeam}/prompts/{prompt.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(new PromptLabelDto("production", 2), await ReadAsync<PromptLabelDto>(moved));
        Assert.Equal([2, 1], details!.Versions.Select(v => v.Number));
        Assert.Equal([new PromptLabelDto("production", 2)], details.Labels);
        Assert.Equal(("First version", PortalFactory.AdminName, 0.3f), (v1!.CommitMessage, v1.CreatedBy, v1.Settings.Temperature));
        Assert.Equal([new PromptVariableDto("context", "The portal keeps prompts.", "What to answer from"), new PromptVariableDto("question")], v1.Variables);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_answers_400_with_template_line_and_column_and_saves_nothing()
    {
        var prompt = await CreatePromptAsync("Broken template");

        var response = await portal.Admin.PostAsJsonAsync(
            portal.Prompts($"/{prompt.Id}/versions"), FirstVersion with { UserTemplate = "Hello\n{{$question" }, PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<ProblemBody>(response);
        Assert.StartsWith("User template, line 2, column 1: This '{{' is not closed", Assert.Single(problem.Errors!["UserTemplate"]));
        var details = await portal.Admin.GetFromJsonAsync<PromptDetailsDto>(portal.Prompts($"/{prompt.Id}"), PortalJson.Options, Cancel);
        Assert.Empty(details!.Versions);
    }

    [Fact]
    public async Task A_duplicate_name_answers_409_with_a_sentence()
    {
        await CreatePromptAsync("Only once");

        var response = await portal.Admin.PostAsJsonAsync(portal.Prompts(), new CreatePromptRequest("ONLY ONCE"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("A prompt named 'ONLY ONCE' already exists in this team. Choose another name, or open the existing prompt.",
            (await ReadAsync<ProblemBody>(response)).Detail);
    }

    [Fact]
    public async Task A_viewer_reads_analyses_and_renders_but_every_change_answers_403()
    {
        var prompt = await CreatePromptAsync("Viewed");
        await portal.Admin.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions"), FirstVersion, PortalJson.Options, Cancel);
        await portal.Portal.CreateUserAsync("viewer@example.com", "Val Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("viewer@example.com");

        var reads = new[]
        {
            await viewer.GetAsync(portal.Prompts(), Cancel),
            await viewer.GetAsync(portal.Prompts($"/{prompt.Id}"), Cancel),
            await viewer.PostAsJsonAsync(portal.Prompts("/analyze"), new AnalyzeTemplatesRequest("{{$a}}", ""), PortalJson.Options, Cancel),
            await viewer.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions/1/render"), new RenderVersionRequest(new Dictionary<string, string?> { ["question"] = "Q" }), PortalJson.Options, Cancel),
        };
        var changes = new[]
        {
            await viewer.PostAsJsonAsync(portal.Prompts(), new CreatePromptRequest("Mine"), PortalJson.Options, Cancel),
            await viewer.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions"), FirstVersion, PortalJson.Options, Cancel),
            await viewer.PutAsJsonAsync(portal.Prompts($"/{prompt.Id}/labels/production"), new MoveLabelRequest(1), PortalJson.Options, Cancel),
            await viewer.DeleteAsync(portal.Prompts($"/{prompt.Id}"), Cancel),
        };

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(changes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("needs the Editor role", (await ReadAsync<ProblemBody>(changes[0])).Detail);
    }

    [Fact]
    public async Task Another_teams_prompt_answers_404_and_so_does_another_teams_list()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Elsewhere");
        Guid theirs;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(elsewhere, "Elsewhere"));
            theirs = (await scope.ServiceProvider.GetRequiredService<PromptRegistry>().CreateAsync("Theirs", null, Cancel)).Id;
        }

        var byId = await portal.Admin.GetAsync(portal.Prompts($"/{theirs}"), Cancel);
        var deleted = await portal.Admin.DeleteAsync(portal.Prompts($"/{theirs}"), Cancel);
        var theirList = await portal.Admin.GetAsync($"/api/teams/{elsewhere}/prompts", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirList.StatusCode);
    }

    [Fact]
    public async Task Rendering_keeps_values_verbatim_and_names_every_missing_variable()
    {
        var values = new Dictionary<string, string?> { ["question"] = "<b>bold</b> & more" };

        var rendered = await portal.Admin.PostAsJsonAsync(portal.Prompts("/render"),
            new RenderTemplatesRequest("Context: {{$context}}", "{{$question}}", [new PromptVariableDto("context", "Docs")], values), PortalJson.Options, Cancel);
        var missing = await portal.Admin.PostAsJsonAsync(portal.Prompts("/render"),
            new RenderTemplatesRequest("{{$context}}", "{{$question}}", [], new Dictionary<string, string?>()), PortalJson.Options, Cancel);

        var body = await ReadAsync<RenderedPromptDto>(rendered);
        Assert.Equal(("Context: Docs", "<b>bold</b> & more"), (body.System, body.User));
        Assert.Equal("Docs", body.Values["context"]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Values.context", "Values.question"], (await ReadAsync<ProblemBody>(missing)).Errors!.Keys.Order());
    }

    [Fact]
    public async Task A_saved_version_cannot_be_changed_through_the_api()
    {
        var prompt = await CreatePromptAsync("Immutable");
        await portal.Admin.PostAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions"), FirstVersion, PortalJson.Options, Cancel);

        var put = await portal.Admin.PutAsJsonAsync(portal.Prompts($"/{prompt.Id}/versions/1"), FirstVersion, PortalJson.Options, Cancel);
        var delete = await portal.Admin.DeleteAsync(portal.Prompts($"/{prompt.Id}/versions/1"), Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_prompt_routes()
    {
        var document = await portal.Admin.GetStringAsync("/openapi/v1.json", Cancel);

        Assert.Contains("\"/api/teams/{teamId}/prompts/{promptId}/labels/{label}\"", document);
        Assert.Contains("\"/api/teams/{teamId}/prompts/{promptId}/versions\"", document);
        Assert.Contains("\"MovePromptLabel\"", document);
        Assert.Contains("Save the next version; template errors name the template, line and column", document);
    }

    private async Task<PromptDetailsDto> CreatePromptAsync(string name)
    {
        var response = await portal.Admin.PostAsJsonAsync(portal.Prompts(), new CreatePromptRequest(name), PortalJson.Options, Cancel);
        return await ReadAsync<PromptDetailsDto>(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel)
        ?? throw new InvalidOperationException($"The answer ({(int)response.StatusCode}) had no body.");
}
