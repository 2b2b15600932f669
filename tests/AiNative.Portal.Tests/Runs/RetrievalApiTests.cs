using AiNative.Services.Models.Offline;
using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Tests.Prompts;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Runs;

public sealed class RetrievalApiTests(RunsPortal portal) : IClassFixture<RunsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_handbook_answers_event_stream_and_saved_run_show_the_retrieve_span_with_hits_and_scores()
    {
        await portal.Portal.Services.WaitUntilReadyAsync(portal.DemoTeam, KnowledgeArrangements.Handbook);
        var prompt = await HandbookPromptAsync();
        var version = prompt.Versions.Single();
        var events = new List<RunEventDto>();

        await foreach (var update in BrowserApis.Runs(portal.Admin, portal.DemoTeam).StreamAsync(new StartRunRequest(version.ModelId!.Value, prompt.Id, 1), Cancel))
        {
            events.Add(update);
        }

        var rendered = Assert.IsType<RunRenderedEventDto>(events[0]);
        Assert.Equal([RunSpanDto.Retrieve, OfflineModels.EmbeddingModelId, "render"], rendered.Spans!.Select(s => s.Name));
        var streamed = rendered.Spans![0];
        Assert.Equal(KnowledgeArrangements.Handbook, streamed.Attributes["ainative.retrieval.knowledge_base"]);
        Assert.Equal("models.md", streamed.Hits![0].DocumentName);
        var completed = Assert.IsType<RunCompletedEventDto>(events[^1]).Run;
        var saved = await portal.Admin.GetFromJsonAsync<RunDetailsDto>(portal.Runs($"/{completed.Summary.Id}"), PortalJson.Options, Cancel);
        Assert.Equal([RunSpanDto.Retrieve, OfflineModels.EmbeddingModelId, "render", OfflineModels.ChatModelId], saved!.Spans.Select(s => s.Name));
        Assert.Equal(completed.Spans.Select(s => s.Name), saved.Spans.Select(s => s.Name));
        var retrieve = saved.Spans[0];
        Assert.Equal(streamed.Hits, retrieve.Hits);
        Assert.Equal(retrieve.Hits!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), retrieve.Attributes["ainative.retrieval.hits"]);
        var best = retrieve.Hits[0];
        Assert.Equal((1, "Models › Keys and limits"), (best.Number, best.Heading));
        Assert.True(best is { Relevance: > 0, VectorScore: not null, KeywordScore: not null, FusedScore: not null });
        Assert.Empty(saved.Spans[3].Hits!);
        Assert.Equal(new RetrievalSettingsDto(version.Retrieval!.KnowledgeBaseId, KnowledgeBaseName: KnowledgeArrangements.Handbook), saved.Retrieval);
        Assert.Contains("[1] (models.md › Models › Keys and limits)", saved.Messages[0].Content);
        Assert.Contains("encrypted at rest and never shown again after they are saved [1].", saved.Output);
    }

    [Fact]
    public async Task Bad_retrieval_settings_of_a_version_answer_problem_details_with_a_field_error_each()
    {
        var prompt = await ReadAsync<PromptDetailsDto>(
            await portal.Admin.PostAsJsonAsync(Prompts(), new CreatePromptRequest("Grounded over HTTP"), PortalJson.Options, Cancel));
        var request = new CreateVersionRequest(
            "Answer from {{$context}}.", "{{$question}}", [], null, new PromptSettingsDto(), "First",
            new RetrievalSettingsDto(Guid.NewGuid(), QueryVariable: "topic", TopK: 0, MinRelevance: -1, Mode: (SearchModeDto)7));

        var response = await portal.Admin.PostAsJsonAsync(Prompts($"/{prompt.Id}/versions"), request, PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync<ProblemBody>(response);
        Assert.Equal(
            ["Retrieval.KnowledgeBaseId", "Retrieval.MinRelevance", "Retrieval.Mode", "Retrieval.QueryVariable", "Retrieval.TopK"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_retrieval_settings_of_an_ad_hoc_run_answer_problem_details_instead_of_a_stream()
    {
        var request = new StartRunRequest(
            portal.ModelId, SystemTemplate: "Answer from {{$context}}.", UserTemplate: "{{$question}}",
            Values: new Dictionary<string, string?> { ["question"] = "Anything?" },
            Retrieval: new RetrievalSettingsDto(Guid.NewGuid(), ContextVariable: "question"));

        var response = await portal.Admin.PostAsJsonAsync(portal.Runs(), request, PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<ProblemBody>(response);
        Assert.Equal(["Retrieval.ContextVariable", "Retrieval.KnowledgeBaseId"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    private string Prompts(string relative = "") => $"/api/teams/{portal.DemoTeam}/prompts{relative}";

    private async Task<PromptDetailsDto> HandbookPromptAsync()
    {
        var prompts = await portal.Admin.GetFromJsonAsync<List<PromptSummaryDto>>(Prompts(), PortalJson.Options, Cancel);
        var handbook = Assert.Single(prompts!, p => p.Name == "Handbook answer");
        return (await portal.Admin.GetFromJsonAsync<PromptDetailsDto>(Prompts($"/{handbook.Id}"), PortalJson.Options, Cancel))!;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel)
        ?? throw new InvalidOperationException($"The answer ({(int)response.StatusCode}) had no body.");
}
