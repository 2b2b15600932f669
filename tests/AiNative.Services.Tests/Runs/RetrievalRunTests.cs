using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;

namespace AiNative.Services.Tests.Runs;

public sealed class RetrievalRunTests : IAsyncLifetime
{
    private const string Refunds = "Customers may ask for a refund within 30 days of purchase. The refund goes back to the card they paid with.";
    private const string Question = "How many days do customers have to ask for a refund?";

    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private ModelDefinition _model = null!;
    private Guid _baseId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
        _model = await _scope.OfflineModelAsync(OfflineModels.ChatModelId);
        _baseId = (await _scope.CreateBaseAsync("Policies")).Id;
        await _scope.IngestAsync("Policies", Ingestion.Text("refunds.md", $"# Refunds\n\n{Refunds}\n"));
        await _scope.IngestAsync("Policies", Ingestion.Text("shipping.md", "# Shipping\n\nOrders leave the warehouse within two working days. Tracking numbers arrive by email.\n"));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_version_fills_its_context_with_numbered_chunks_and_traces_the_search_before_the_model_call()
    {
        var promptId = await SaveVersionAsync(Settings() with { TopK = 2, MinRelevance = 0 });

        var events = await Runner.RunAsync(Run(promptId, Question), Cancel).CollectAsync();

        var rendered = Assert.IsType<RunRendered>(events[0]);
        Assert.StartsWith($"Answer only from:\n[1] (refunds.md › Refunds)\n{Refunds}", rendered.Messages[0].Content);
        Assert.Equal([ObservationType.Retrieval, ObservationType.Embedding, ObservationType.Render], rendered.Steps.Select(s => s.Type));
        var run = await History.GetAsync(rendered.RunId, settled: false, Cancel);
        Assert.Equal(TraceStatus.Succeeded, run.Trace.Status);
        Assert.Contains("30 days", run.Trace.Output);
        Assert.Equal(
            [ObservationType.Retrieval, ObservationType.Embedding, ObservationType.Render, ObservationType.Generation],
            run.Observations.Select(s => s.Type));
        var (retrieve, embedding, render, call) = (run.Observations[0], run.Observations[1], run.Observations[2], run.Observations[3]);
        Assert.Equal((ObservationNames.Retrieve, retrieve.Id), (retrieve.Name, embedding.ParentId));
        Assert.True(retrieve.StartedAt.AddMilliseconds(retrieve.DurationMs - 0.2) <= render.StartedAt);
        Assert.True(render.StartedAt.AddMilliseconds(render.DurationMs - 0.2) <= call.StartedAt);
        Assert.Equal("Policies", retrieve.Attributes["ainative.retrieval.knowledge_base"]);
        Assert.Equal(Question, retrieve.Input);
        Assert.Equal(("hybrid", "2"), (retrieve.Attributes["ainative.retrieval.mode"], retrieve.Attributes["ainative.retrieval.hits"]));
        Assert.True(double.Parse(retrieve.Attributes["ainative.retrieval.embedding_ms"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal([1, 2], retrieve.Hits.Select(h => h.Number));
        var best = retrieve.Hits[0];
        Assert.Equal(("refunds.md", "Refunds"), (best.DocumentName, best.Heading));
        Assert.True(best.ChunkId > 0);
        Assert.True(best.Relevance > 0);
        Assert.NotNull(best.VectorScore);
        Assert.NotNull(best.KeywordScore);
        Assert.NotNull(best.FusedScore);
        Assert.Equal("Policies", run.Input.Retrieval?.KnowledgeBaseName);
        Assert.StartsWith("[1] (refunds.md › Refunds)", run.Input.Variables.Single(v => v.Name == "context").Value);
    }

    [Fact]
    public async Task When_nothing_is_relevant_the_context_says_so_and_the_run_still_answers()
    {
        var promptId = await SaveVersionAsync(Settings() with { MinRelevance = 0.5 });

        var run = await _scope.RunToEndAsync(Run(promptId, "zebra giraffe savanna migration"));

        var retrieve = run.Observations.Single(s => s.Name == ObservationNames.Retrieve);
        Assert.Equal("0", retrieve.Attributes["ainative.retrieval.hits"]);
        Assert.Empty(retrieve.Hits);
        Assert.Equal(ContextRetrieval.NothingFound("Policies"), run.Input.Variables.Single(v => v.Name == "context").Value);
        Assert.Equal(TraceStatus.Succeeded, run.Trace.Status);
        Assert.Equal(ExtractiveAnswerer.NoMatchAnswer, run.Trace.Output);
    }

    [Fact]
    public async Task A_version_whose_knowledge_base_was_deleted_says_so_and_nothing_is_sent_or_saved()
    {
        var promptId = await SaveVersionAsync(Settings());
        await _scope.Get<KnowledgeBases>().DeleteAsync(_baseId, Cancel);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Runner.RunAsync(Run(promptId, Question), Cancel).CollectAsync());

        Assert.Equal(
            "The knowledge base this version names ('Policies') was deleted; pick another in a new version.",
            failure.Errors["PromptVersion"].Single());
        Assert.Equal(0, (await History.ListAsync(null, 1, 10, Cancel)).Total);
        Assert.Equal(_baseId, (await _scope.Get<PromptVersions>().GetAsync(promptId, 1, Cancel)).Retrieval?.KnowledgeBaseId);
    }

    [Fact]
    public async Task An_empty_query_is_a_field_error_before_anything_is_searched()
    {
        var promptId = await SaveVersionAsync(Settings());
        var calls = await ObservationCountAsync();

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Runner.RunAsync(Run(promptId, "   "), Cancel).CollectAsync());

        Assert.Equal("Enter a value for 'question': it is what 'Policies' is searched for.", failure.Errors["Values.question"].Single());
        Assert.Equal(calls, await ObservationCountAsync());
    }

    [Fact]
    public async Task An_ad_hoc_prompt_names_a_knowledge_base_in_the_run_request()
    {
        var request = AdHoc(Settings() with { TopK = 1 }, Question);

        var run = await _scope.RunToEndAsync(request);

        Assert.Contains(Refunds, run.Messages.Single(m => m.Role == "user").Content);
        Assert.Null(run.Trace.PromptName);
        Assert.Equal(("Policies", 1), (run.Input.Retrieval?.KnowledgeBaseName, run.Input.Retrieval?.TopK));
        Assert.Equal(["refunds.md"], run.Observations.Single(s => s.Name == ObservationNames.Retrieve).Hits.Select(h => h.DocumentName));
    }

    [Fact]
    public async Task Bad_ad_hoc_retrieval_settings_are_field_errors_with_the_templates_problems()
    {
        var request = AdHoc(new RetrievalSettings { KnowledgeBaseId = Guid.NewGuid(), QueryVariable = "topic", TopK = 50 }, Question)
            with { SystemTemplate = "{{$broken" };

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Runner.RunAsync(request, Cancel).CollectAsync());

        Assert.Equal(
            ["Retrieval.KnowledgeBaseId", "Retrieval.QueryVariable", "Retrieval.TopK", "SystemTemplate"],
            failure.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private PromptExecutor Runner => _scope.Get<PromptExecutor>();

    private RunHistory History => _scope.Get<RunHistory>();

    private RetrievalSettings Settings() => new() { KnowledgeBaseId = _baseId };

    private RunRequest Run(Guid promptId, string question) => new()
    {
        ModelId = _model.Id,
        PromptId = promptId,
        PromptVersion = 1,
        Values = new Dictionary<string, string?> { ["question"] = question },
    };

    private RunRequest AdHoc(RetrievalSettings retrieval, string question) => new()
    {
        ModelId = _model.Id,
        UserTemplate = "Sources:\n{{$context}}\n\nQuestion: {{$question}}",
        Values = new Dictionary<string, string?> { ["question"] = question },
        Retrieval = retrieval,
    };

    private async Task<Guid> SaveVersionAsync(RetrievalSettings retrieval)
    {
        var prompt = await _scope.Get<PromptRegistry>().CreateAsync("Policy answer", null, Cancel);
        await _scope.Get<PromptVersions>().CreateAsync(
            prompt.Id,
            new NewPromptVersion("Answer only from:\n{{$context}}", "Question: {{$question}}", [], _model.Id, new GenerationSettings(), "Grounded", retrieval),
            Cancel);
        return prompt.Id;
    }

    private async Task<int> ObservationCountAsync()
    {
        await _scope.CatchUpAsync();
        await using var db = await _scope.DbAsync();
        return db.Observations.Count();
    }
}
