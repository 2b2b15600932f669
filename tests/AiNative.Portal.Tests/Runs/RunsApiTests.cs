using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Tests.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Runs;

public sealed class RunsApiTests(RunsPortal portal) : IClassFixture<RunsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_streams_rendered_then_each_delta_as_it_arrives_then_completed()
    {
        portal.Provider.HoldStreams();
        await using var stream = await SseResponse.PostAsync(portal.Admin, portal.Runs(), AdHoc("one two three"));

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var rendered = await stream.NextAsync();
        var firstDelta = await stream.NextAsync();
        var runId = Read<RunRenderedEventDto>(rendered!.Value).RunId;

        // The provider holds its stream after the first word: the delta arrived before the stream could end.
        Assert.Equal((RunEventDto.Rendered, RunEventDto.Delta), (rendered.Value.EventType, firstDelta!.Value.EventType));
        Assert.Equal("Echo: ", Read<RunDeltaEventDto>(firstDelta.Value).Text);
        var running = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{runId}"), PortalJson.Options, Cancel);
        Assert.Equal(RunStatusDto.Running, running!.Summary.Status);
        portal.Provider.ReleaseStreams();
        var rest = await stream.RestAsync();

        Assert.Equal([.. Enumerable.Repeat(RunEventDto.Delta, 3), RunEventDto.Completed], rest.Select(e => e.EventType));
        Assert.All(rest, e => Assert.Equal(e.EventType, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        var completed = Read<RunCompletedEventDto>(rest[^1]).Run;
        Assert.Equal((runId, RunStatusDto.Succeeded, "Echo: one two three"), (completed.Summary.Id, completed.Summary.Status, completed.Output));
        Assert.Equal("user", Read<RunRenderedEventDto>(rendered.Value).Messages[^1].Role);
        var saved = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{runId}"), PortalJson.Options, Cancel);
        Assert.Equal(("Echo: one two three", 2), (saved!.Output, saved.Spans.Count));
    }

    [Fact]
    public async Task The_browsers_http_client_reads_the_stream_into_the_contracts_events()
    {
        var runs = BrowserApis.Runs(portal.Admin, portal.DemoTeam);
        var events = new List<RunEventDto>();

        await foreach (var update in runs.StreamAsync(AdHoc("alpha beta"), Cancel))
        {
            events.Add(update);
        }

        Assert.IsType<RunRenderedEventDto>(events[0]);
        Assert.Equal("Echo: alpha beta", string.Concat(events.OfType<RunDeltaEventDto>().Select(d => d.Text)));
        var run = Assert.IsType<RunCompletedEventDto>(events[^1]).Run.Summary;
        Assert.False(run.UsageEstimated);
        Assert.Equal(3, run.OutputTokens);
        Assert.True(run.Cost > 0m);
        Assert.Equal(PortalFactory.AdminName, run.RunBy);
    }

    [Fact]
    public async Task The_browsers_http_client_reports_input_that_cannot_be_rendered_with_its_field_errors()
    {
        var runs = BrowserApis.Runs(portal.Admin, portal.DemoTeam);

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var update in runs.StreamAsync(AdHoc("{{$topic}}"), Cancel))
            {
                Assert.Fail($"No event was expected, got {update.EventType}.");
            }
        });

        Assert.Equal((400, "The input is not valid"), (error.Status, error.Problem.Title));
        Assert.Equal("Enter a value for 'topic'; it has no default.", error.Errors["Values.topic"].Single());
    }

    [Fact]
    public async Task A_provider_failure_streams_a_failed_event_with_the_problem_and_saves_the_run()
    {
        var broken = await portal.AddModelAsync(portal.DemoTeam, FakeOpenAiServer.RateLimitedModel);
        await using var stream = await SseResponse.PostAsync(portal.Admin, portal.Runs(), AdHoc("hello") with { ModelId = broken.Id });

        var events = await stream.RestAsync();

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal([RunEventDto.Rendered, RunEventDto.Failed], events.Select(e => e.EventType));
        var failed = Read<RunFailedEventDto>(events[1]);
        Assert.Equal((429, "The provider is limiting the rate"), (failed.Problem.Status, failed.Problem.Title));
        Assert.Contains("Wait a moment and try again.", failed.Problem.Detail);
        var saved = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{failed.Run.Summary.Id}"), PortalJson.Options, Cancel);
        Assert.Equal((RunStatusDto.Failed, "The provider is limiting the rate"), (saved!.Summary.Status, saved.Summary.Problem?.Title));
    }

    [Fact]
    public async Task A_provider_message_that_echoes_the_api_key_shows_it_redacted_to_a_viewer_of_the_run()
    {
        var echoing = await portal.AddModelAsync(portal.DemoTeam, FakeOpenAiServer.KeyEchoingModel);
        await using var stream = await SseResponse.PostAsync(portal.Admin, portal.Runs(), AdHoc("hello") with { ModelId = echoing.Id });
        var failed = Read<RunFailedEventDto>((await stream.RestAsync())[1]);
        await portal.Portal.CreateUserAsync("run-viewer@example.com", "Run Viewer", (portal.DemoTeam, TeamRole.Viewer));
        var viewer = await portal.Portal.SignInAsync("run-viewer@example.com");

        var saved = await viewer.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{failed.Run.Summary.Id}"), PortalJson.Options, Cancel);

        var detail = saved!.Summary.Problem!.Detail;
        Assert.Contains("Project not found for key [redacted]", detail);
        Assert.DoesNotContain(FakeOpenAiServer.ApiKey, detail);
        Assert.DoesNotContain(FakeOpenAiServer.ApiKey, failed.Problem.Detail);
    }

    [Fact]
    public async Task Input_that_cannot_be_rendered_answers_problem_details_instead_of_a_stream()
    {
        var missing = await portal.Admin.PostAsJsonAsync(portal.Runs(), AdHoc("{{$topic}}"), PortalJson.Options, Cancel);
        var noModel = await portal.Admin.PostAsJsonAsync(portal.Runs(), AdHoc("hi") with { ModelId = Guid.NewGuid() }, PortalJson.Options, Cancel);
        var noVersion = await portal.Admin.PostAsJsonAsync(portal.Runs(), new StartRunRequest(portal.ModelId, Guid.NewGuid(), 3), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Values.topic"], (await ReadAsync<ProblemBody>(missing)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, noModel.StatusCode);
        Assert.Contains("ModelId", (await ReadAsync<ProblemBody>(noModel)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
    }

    [Fact]
    public async Task Closing_the_stream_cancels_the_run_which_is_saved_as_cancelled_with_what_arrived()
    {
        portal.Provider.HoldStreams();
        Guid runId;
        await using (var stream = await SseResponse.PostAsync(portal.Admin, portal.Runs(), AdHoc("never finished")))
        {
            runId = Read<RunRenderedEventDto>((await stream.NextAsync())!.Value).RunId;
            await stream.NextAsync();
        }

        // The server notices the closed stream a moment later; settled=true waits for that instead of asking again and again.
        var saved = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{runId}?settled=true"), PortalJson.Options, Cancel);
        portal.Provider.ReleaseStreams();

        Assert.Equal(RunStatusDto.Cancelled, saved!.Summary.Status);
        Assert.Equal("Echo: ", saved.Output);
        Assert.True(saved.Summary.UsageEstimated);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_by_prompt_and_read_with_their_trace()
    {
        var demoPrompt = (await portal.Admin.GetFromJsonAsync<List<PromptSummaryDto>>($"/api/teams/{portal.DemoTeam}/prompts", PortalJson.Options, Cancel))!
            .Single(p => p.Name == "Support answer");
        var first = await RunToEndAsync(new StartRunRequest(portal.ModelId, demoPrompt.Id, 1));
        var second = await RunToEndAsync(AdHoc("later"));

        var page = await portal.Admin.GetFromJsonAsync<RunPageDto>(portal.Runs("?page=1&pageSize=2"), PortalJson.Options, Cancel);
        var ofPrompt = await portal.Admin.GetFromJsonAsync<RunPageDto>(portal.Runs($"?promptId={demoPrompt.Id}"), PortalJson.Options, Cancel);
        var details = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{first}"), PortalJson.Options, Cancel);
        var badPage = await portal.Admin.GetAsync(portal.Runs("?page=0"), Cancel);

        Assert.Equal([second, first], page!.Items.Select(r => r.Id));
        Assert.Equal(2, page.PageSize);
        Assert.Contains(first, ofPrompt!.Items.Select(r => r.Id));
        Assert.DoesNotContain(second, ofPrompt.Items.Select(r => r.Id));
        Assert.Equal("Support answer v1", details!.Summary.PromptLabel);
        Assert.Equal(["render", details.Summary.ModelName], details.Spans.Select(s => s.Name));
        Assert.Equal(["context", "question"], details.Variables.Select(v => v.Name));
        Assert.Equal(0.2f, details.Settings.Temperature);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task Another_teams_run_answers_404()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Elsewhere runs");
        var theirModel = await portal.AddModelAsync(elsewhere, FakeOpenAiServer.ChatModel);
        await portal.Portal.CreateUserAsync("other-runner@example.com", "Otto Other", (elsewhere, TeamRole.Viewer));
        using var other = await portal.Portal.SignInAsync("other-runner@example.com");
        var theirs = await RunToEndAsync(AdHoc("theirs") with { ModelId = theirModel.Id }, other, $"/api/teams/{elsewhere}/runs");

        var byId = await portal.Admin.GetAsync(portal.Runs($"/{theirs}"), Cancel);
        var theirList = await portal.Admin.GetAsync($"/api/teams/{elsewhere}/runs", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirList.StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_run_a_prompt_and_read_the_history()
    {
        await portal.Portal.CreateUserAsync("runner@example.com", "Rita Runner", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("runner@example.com");

        var runId = await RunToEndAsync(AdHoc("as a viewer"), viewer, portal.Runs());
        var details = await viewer.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{runId}"), PortalJson.Options, Cancel);

        Assert.Equal(("Rita Runner", RunStatusDto.Succeeded), (details!.Summary.RunBy, details.Summary.Status));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_run_routes_and_their_event_stream()
    {
        var document = await portal.Admin.GetStringAsync("/openapi/v1.json", Cancel);

        Assert.Contains("\"/api/teams/{teamId}/runs/{runId}\"", document);
        Assert.Contains("\"StartRun\"", document);
        Assert.Contains("text/event-stream", document);
    }

    private StartRunRequest AdHoc(string user) => new(portal.ModelId, SystemTemplate: "You answer briefly.", UserTemplate: user);

    private async Task<Guid> RunToEndAsync(StartRunRequest request, HttpClient? client = null, string? path = null)
    {
        await using var stream = await SseResponse.PostAsync(client ?? portal.Admin, path ?? portal.Runs(), request);
        var events = await stream.RestAsync();
        Assert.Equal(RunEventDto.Completed, events[^1].EventType);
        return Read<RunCompletedEventDto>(events[^1]).Run.Summary.Id;
    }

    private static T Read<T>(System.Net.ServerSentEvents.SseItem<string> item)
        where T : RunEventDto =>
        Assert.IsType<T>(JsonSerializer.Deserialize<RunEventDto>(item.Data, PortalJson.Options));

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel)
        ?? throw new InvalidOperationException($"The answer ({(int)response.StatusCode}) had no body.");
}
