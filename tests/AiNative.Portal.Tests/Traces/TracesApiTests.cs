using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Tests.Prompts;
using AiNative.Portal.Tests.Runs;
using AiNative.Services.Teams;

namespace AiNative.Portal.Tests.Traces;

public sealed class TracesApiTests(RunsPortal portal) : IClassFixture<RunsPortal>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_playground_run_is_listed_as_a_trace_with_its_render_and_generation_steps()
    {
        var runId = await RunAsync("list me");

        var page = await GetAsync<TracePageDto>(portal.Admin, Traces("?source=Playground&pageSize=100"));
        var trace = await GetAsync<TraceDetailsDto>(portal.Admin, Traces($"/{runId}"));

        var listed = Assert.Single(page.Items, t => t.Id == runId);
        Assert.Equal((TraceSourceDto.Playground, TraceStatusDto.Succeeded, "Echo: list me"), (listed.Source, listed.Status, listed.OutputPreview));
        Assert.All(page.Items, t => Assert.Equal(TraceSourceDto.Playground, t.Source));
        Assert.Equal([ObservationTypeDto.Render, ObservationTypeDto.Generation], trace.Observations.Select(o => o.Type));
        var generation = trace.Observations[1];
        Assert.True(generation.DurationMs > 0);
        Assert.Equal(listed.ModelName, generation.ModelName);
        Assert.True(generation.OutputTokens > 0);
        Assert.Contains("\"role\":\"user\"", generation.Input);
        Assert.Equal("Echo: list me", generation.Output);
    }

    [Fact]
    public async Task The_list_filters_by_source_status_tag_text_time_and_score()
    {
        var tag = $"filters-{Guid.NewGuid():N}";
        var result = await IngestAsync(portal.Admin, new IngestionBatchDto(
        [
            Trace("checkout answer", tag, TraceStatusDto.Succeeded, userId: "buyer-1"),
            Trace("refund answer", tag, TraceStatusDto.Failed, startedAt: Start.AddDays(-3)),
            Trace("checkout question", tag, TraceStatusDto.Succeeded, startedAt: Start.AddMinutes(1), sessionId: "basket-9"),
        ]));
        var (checkout, refund, question) = (result.Traces[0], result.Traces[1], result.Traces[2]);
        (await ScoreAsync(portal.Admin, checkout, new AddScoreRequest("helpfulness", 5))).EnsureSuccessStatusCode();
        (await ScoreAsync(portal.Admin, question, new AddScoreRequest("helpfulness", 2))).EnsureSuccessStatusCode();

        Assert.Equal([question, checkout, refund], await IdsAsync($"?tag={tag}"));
        Assert.Equal([question, checkout, refund], await IdsAsync($"?tag={tag}&source=Api"));
        Assert.Equal([refund], await IdsAsync($"?tag={tag}&status=Failed"));
        Assert.Equal([question, checkout], await IdsAsync($"?tag={tag}&search=checkout"));
        Assert.Equal([checkout], await IdsAsync($"?tag={tag}&search=buyer-1"));
        Assert.Equal([question], await IdsAsync($"?tag={tag}&search=basket"));
        Assert.Equal([refund], await IdsAsync($"?tag={tag}&to={Uri.EscapeDataString(Start.AddDays(-1).ToString("O"))}"));
        Assert.Equal([question, checkout], await IdsAsync($"?tag={tag}&scoreName=helpfulness"));
        Assert.Equal([checkout], await IdsAsync($"?tag={tag}&scoreName=helpfulness&minScore=4"));
        Assert.Equal([question, checkout], await IdsAsync($"?tag={tag}&pageSize=2"));
        Assert.Equal([refund], await IdsAsync($"?tag={tag}&pageSize=2&page=2"));
        var paged = await GetAsync<TracePageDto>(portal.Admin, Traces($"?tag={tag}&pageSize=2"));
        Assert.Equal((3, false), (paged.Total, paged.TotalIsLowerBound));
    }

    [Fact]
    public async Task A_list_the_server_cannot_answer_names_the_field()
    {
        var response = await portal.Admin.GetAsync(Traces("?minScore=3"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["ScoreName"], (await ReadAsync<ProblemBody>(response)).Errors!.Keys);
    }

    [Fact]
    public async Task A_score_for_another_teams_trace_or_an_unknown_trace_answers_404()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Elsewhere traces");
        await portal.Portal.CreateUserAsync("other-tracer@example.com", "Olga Other", (elsewhere, TeamRole.Editor));
        using var other = await portal.Portal.SignInAsync("other-tracer@example.com");
        var theirs = (await IngestAsync(other, new IngestionBatchDto([Trace("their answer", "theirs")]), elsewhere)).Traces.Single();

        var score = await ScoreAsync(portal.Admin, theirs, new AddScoreRequest("helpfulness", 3));
        var read = await portal.Admin.GetAsync(Traces($"/{theirs}"), Cancel);
        var unknown = await ScoreAsync(portal.Admin, Guid.CreateVersion7(), new AddScoreRequest("helpfulness", 3));
        var theirTrace = await GetAsync<TraceDetailsDto>(other, $"/api/teams/{elsewhere}/traces/{theirs}");

        Assert.Equal(HttpStatusCode.NotFound, score.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(theirTrace.Scores);
    }

    [Fact]
    public async Task An_unknown_score_name_or_a_value_of_the_wrong_type_answers_400_naming_the_field()
    {
        var traceId = (await IngestAsync(portal.Admin, new IngestionBatchDto([Trace("to score", "validation")]))).Traces.Single();

        var unknownName = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("politeness", 3));
        var textForNumber = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("helpfulness", StringValue: "very"));
        var outOfRange = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("helpfulness", 7));
        var unknownCategory = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("user-feedback", StringValue: "meh"));
        var numberForYesNo = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("correct", 0.5));

        Assert.Equal(HttpStatusCode.BadRequest, unknownName.StatusCode);
        var name = (await ReadAsync<ProblemBody>(unknownName)).Errors!;
        Assert.Equal(["Name"], name.Keys);
        Assert.Contains("no score named 'politeness'", name["Name"].Single());
        foreach (var (response, message) in new[]
        {
            (textForNumber, "'helpfulness' is a numeric score: give a number as its value from 1 to 5."),
            (outOfRange, "7 is outside the range of 'helpfulness' from 1 to 5."),
            (unknownCategory, "'user-feedback' is a categorical score: give one of 'positive', 'negative' as its string value."),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(message, (await ReadAsync<ProblemBody>(response)).Errors!["Value"].Single());
        }

        Assert.Equal(HttpStatusCode.BadRequest, numberForYesNo.StatusCode);
        Assert.Equal(["Value"], (await ReadAsync<ProblemBody>(numberForYesNo)).Errors!.Keys);
        Assert.Empty((await GetAsync<TraceDetailsDto>(portal.Admin, Traces($"/{traceId}"))).Scores);
    }

    [Fact]
    public async Task An_ingestion_batch_with_a_bad_item_answers_207_naming_its_index_and_keeps_the_rest()
    {
        var tag = $"batch-{Guid.NewGuid():N}";
        var parent = Guid.CreateVersion7();
        var batch = new IngestionBatchDto(
            [Trace("good one", tag) with { Id = parent }, Trace("", tag), Trace("good two", tag)],
            [
                new IngestedObservationDto(TraceId: parent, Type: ObservationTypeDto.Generation, Name: "my-model", StartedAt: Start,
                    EndedAt: Start.AddMilliseconds(300), Model: "my-model", InputTokens: 20, OutputTokens: 5),
                new IngestedObservationDto(TraceId: Guid.CreateVersion7(), Name: "orphan", StartedAt: Start),
            ]);

        var response = await portal.Admin.PostAsJsonAsync(Traces("/ingest"), batch, PortalJson.Options, Cancel);

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<IngestionResultDto>(PortalJson.Options, Cancel))!;
        Assert.Equal(2, result.Traces.Count);
        Assert.Single(result.Observations);
        Assert.Collection(result.Errors,
            e => Assert.Equal(("trace", 1, "name", "Give the trace a name."), (e.Kind, e.Index, e.Field, e.Message)),
            e => Assert.Equal(("observation", 1, "traceId"), (e.Kind, e.Index, e.Field)));
        Assert.Equal(2, (await IdsAsync($"?tag={tag}")).Count);
        var kept = await GetAsync<TraceDetailsDto>(portal.Admin, Traces($"/{parent}"));
        Assert.Equal((25L, "my-model"), (kept.Summary.InputTokens + kept.Summary.OutputTokens, kept.Observations.Single().Name));
    }

    [Fact]
    public async Task A_viewer_reads_traces_but_cannot_score_them()
    {
        var traceId = (await IngestAsync(portal.Admin, new IngestionBatchDto([Trace("for a viewer", "viewer")]))).Traces.Single();
        await portal.Portal.CreateUserAsync("trace-viewer@example.com", "Vera Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("trace-viewer@example.com");

        var read = await viewer.GetAsync(Traces($"/{traceId}"), Cancel);
        var score = await ScoreAsync(viewer, traceId, new AddScoreRequest("helpfulness", 4));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, score.StatusCode);
        Assert.Empty((await GetAsync<TraceDetailsDto>(portal.Admin, Traces($"/{traceId}"))).Scores);
    }

    [Fact]
    public async Task A_score_sent_with_an_access_token_is_recorded_as_from_the_api_and_one_given_in_a_session_as_from_a_person()
    {
        var traceId = (await IngestAsync(portal.Admin, new IngestionBatchDto([Trace("user feedback", "token")]))).Traces.Single();
        var app = await portal.Portal.CreateUserAsync("shop-app@example.com", "Shop app", (portal.DemoTeam, TeamRole.Editor));
        using var token = portal.Portal.CreateTokenClient(await portal.Portal.CreateAccessTokenAsync(app.Id));

        var fromApp = await ScoreAsync(token, traceId, new AddScoreRequest("user-feedback", StringValue: "Positive", Comment: "Thumbs up"));
        var fromPerson = await ScoreAsync(portal.Admin, traceId, new AddScoreRequest("correct", StringValue: "true"));

        Assert.Equal(HttpStatusCode.Created, fromApp.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromPerson.StatusCode);
        var scores = (await GetAsync<TraceDetailsDto>(portal.Admin, Traces($"/{traceId}"))).Scores;
        Assert.Collection(scores,
            s => Assert.Equal(("user-feedback", "positive", ScoreSourceDto.Api, "Shop app", "Thumbs up"), (s.Name, s.StringValue, s.Source, s.AuthorName, s.Comment)),
            s => Assert.Equal(("correct", 1d, ScoreSourceDto.Human), (s.Name, s.Value!.Value, s.Source)));
    }

    [Fact]
    public async Task Score_definitions_are_listed_created_and_deleted_and_a_name_is_unique()
    {
        var seeded = await GetAsync<List<ScoreDefinitionDto>>(portal.Admin, $"/api/teams/{portal.DemoTeam}/score-definitions");
        var created = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/score-definitions",
            new CreateScoreDefinitionRequest("tone", ScoreDataTypeDto.Categorical, Categories: ["friendly", "formal"]), PortalJson.Options, Cancel);
        var again = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/score-definitions",
            new CreateScoreDefinitionRequest("tone", ScoreDataTypeDto.Boolean), PortalJson.Options, Cancel);
        var oneCategory = await portal.Admin.PostAsJsonAsync($"/api/teams/{portal.DemoTeam}/score-definitions",
            new CreateScoreDefinitionRequest("mood", ScoreDataTypeDto.Categorical, Categories: ["calm"]), PortalJson.Options, Cancel);
        var tone = (await created.Content.ReadFromJsonAsync<ScoreDefinitionDto>(PortalJson.Options, Cancel))!;
        var deleted = await portal.Admin.DeleteAsync($"/api/teams/{portal.DemoTeam}/score-definitions/{tone.Id}", Cancel);

        Assert.Superset(new HashSet<string> { "correct", "helpfulness", "user-feedback" }, seeded.Select(d => d.Name).ToHashSet());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["friendly", "formal"], tone.Categories);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oneCategory.StatusCode);
        Assert.Equal(["Categories"], (await ReadAsync<ProblemBody>(oneCategory)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private string Traces(string relative = "") => $"/api/teams/{portal.DemoTeam}/traces{relative}";

    private static IngestedTraceDto Trace(
        string name,
        string tag,
        TraceStatusDto status = TraceStatusDto.Succeeded,
        DateTimeOffset? startedAt = null,
        string? userId = null,
        string? sessionId = null) =>
        new(Name: name, StartedAt: startedAt ?? Start, EndedAt: (startedAt ?? Start).AddMilliseconds(400), Status: status, Tags: [tag],
            UserId: userId, SessionId: sessionId, Output: JsonSerializer.SerializeToElement($"The answer to {name}."));

    private async Task<IngestionResultDto> IngestAsync(HttpClient client, IngestionBatchDto batch, Guid? teamId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/teams/{teamId ?? portal.DemoTeam}/traces/ingest", batch, PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestionResultDto>(PortalJson.Options, Cancel))!;
    }

    private Task<HttpResponseMessage> ScoreAsync(HttpClient client, Guid traceId, AddScoreRequest request) =>
        client.PostAsJsonAsync(Traces($"/{traceId}/scores"), request, PortalJson.Options, Cancel);

    private async Task<List<Guid>> IdsAsync(string query) =>
        [.. (await GetAsync<TracePageDto>(portal.Admin, Traces(query))).Items.Select(t => t.Id)];

    private async Task<Guid> RunAsync(string question)
    {
        await using var stream = await SseResponse.PostAsync(portal.Admin, portal.Runs(),
            new StartRunRequest(portal.ModelId, SystemTemplate: "You answer briefly.", UserTemplate: question));
        var events = await stream.RestAsync();
        var completed = JsonSerializer.Deserialize<RunEventDto>(events[^1].Data, PortalJson.Options);
        return Assert.IsType<RunCompletedEventDto>(completed).Run.Summary.Id;
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}
