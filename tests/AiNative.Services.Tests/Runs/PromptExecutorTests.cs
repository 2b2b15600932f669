using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Testing;

namespace AiNative.Services.Tests.Runs;

public sealed class PromptExecutorTests : IAsyncLifetime
{
    private TeamWithProvider _bed = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await TeamWithProvider.StartAsync(TeamRole.Viewer);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task A_viewer_runs_a_saved_version_whose_answer_streams_and_is_saved_with_usage_cost_and_trace()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, inputPrice: 2m, outputPrice: 8m);
        var promptId = await _bed.Scope.DemoPromptIdAsync();
        var request = new RunRequest
        {
            ModelId = model.Id,
            PromptId = promptId,
            PromptVersion = 2,
            Values = new Dictionary<string, string?> { ["question"] = "Where are labels?" },
            Settings = new GenerationSettings { Temperature = 0.4f },
        };

        var events = await Runner.RunAsync(request, Cancel).CollectAsync();

        var rendered = Assert.IsType<RunRendered>(events[0]);
        Assert.Equal(["system", "user"], rendered.Messages.Select(m => m.Role));
        Assert.Equal("Question: Where are labels?", rendered.Messages[1].Content);
        Assert.StartsWith("You are the support assistant of AiNative Portal.", rendered.Messages[0].Content);
        var deltas = events.OfType<RunDelta>().Select(d => d.Text).ToList();
        Assert.True(deltas.Count > 3, "the answer arrives word by word");
        Assert.Equal("Echo: Question: Where are labels?", string.Concat(deltas));
        var finished = Assert.IsType<RunFinished>(events[^1]);
        Assert.Null(finished.Failure);

        var saved = await History.GetAsync(rendered.RunId, settled: false, Cancel);
        var run = saved.Trace;
        Assert.Equal((TraceSource.Playground, TraceStatus.Succeeded), (run.Source, run.Status));
        Assert.Equal(("Support answer", 2, model.Name), (run.PromptName, run.PromptVersion, run.ModelName));
        Assert.Equal("Echo: Question: Where are labels?", run.Output);
        Assert.Equal("stop", run.FinishReason);
        Assert.False(run.UsageEstimated, "the provider reported usage in its stream");
        Assert.Equal(5, run.OutputTokens);
        Assert.Equal(((run.InputTokens * 2m) + (run.OutputTokens * 8m)) / 1_000_000m, run.Cost);
        Assert.NotNull(run.TimeToFirstTokenMs);
        Assert.True(run.TimeToFirstTokenMs <= run.LatencyMs);
        Assert.Equal(0.4f, saved.Input.Settings.Temperature);
        Assert.Equal("Where are labels?", saved.Input.Variables.Single(v => v.Name == "question").Value);
        Assert.Equal(("Test User", (Guid?)null), (run.ActorName, run.ActorId));
        Assert.Equal([(ObservationType.Render, ObservationNames.Render), (ObservationType.Generation, model.Name)], saved.Observations.Select(o => (o.Type, o.Name)));
        Assert.All(saved.Observations, o => Assert.Equal(TraceStatus.Succeeded, o.Status));
        var call = saved.Observations[1];
        var render = saved.Observations[0];
        Assert.True(call.StartedAt >= render.StartedAt.AddMilliseconds(render.DurationMs - 0.2));
        Assert.Equal(run.OutputTokens.ToString(), call.Attributes["gen_ai.usage.output_tokens"]);
        Assert.Equal(FakeOpenAiServer.ChatModel, call.Attributes["gen_ai.request.model"]);
        Assert.Equal("Support answer", render.Attributes["ainative.prompt.name"]);
        Assert.Equal((run.InputTokens, run.Cost), (call.InputTokens, call.Cost));
        Assert.Equal(rendered.Messages, saved.Messages);
    }

    [Theory]
    [InlineData(FakeOpenAiServer.RateLimitedModel, "The provider is limiting the rate", "(HTTP 429). Wait a moment and try again.", "RateLimited")]
    [InlineData(FakeOpenAiServer.BrokenModel, "The provider failed", "(HTTP 500). Try again; if it keeps failing, check the provider's status.", "ProviderError")]
    public async Task A_provider_error_saves_a_failed_run_with_the_problem_in_plain_words(string providerModel, string title, string detail, string errorType)
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, providerModel);

        var events = await Runner.RunAsync(RunInputs.AdHoc(model.Id, "hello"), Cancel).CollectAsync();

        var finished = Assert.IsType<RunFinished>(events[^1]);
        Assert.IsType<ProviderCallException>(finished.Failure);
        Assert.Empty(events.OfType<RunDelta>());
        var saved = await History.GetAsync(finished.Run.Trace.Id, settled: false, Cancel);
        var run = saved.Trace;
        Assert.Equal(TraceStatus.Failed, run.Status);
        Assert.Equal(title, run.ProblemTitle);
        Assert.Contains(detail, run.ProblemDetail);
        Assert.Equal(string.Empty, run.Output);
        Assert.True(run.UsageEstimated);
        var call = saved.Observations.Single(o => o.Type == ObservationType.Generation);
        Assert.Equal((TraceStatus.Failed, errorType), (call.Status, call.Attributes["error.type"]));
        Assert.Equal(call.Id, ((ProviderCallException)finished.Failure!).CallId);
    }

    [Fact]
    public async Task Cancelling_mid_stream_saves_a_cancelled_run_with_the_partial_output()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, inputPrice: 1m, outputPrice: 1m);
        _bed.Provider.HoldStreams();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var received = new List<RunEvent>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Runner.RunAsync(RunInputs.AdHoc(model.Id, "one two three four five"), stop.Token))
            {
                received.Add(update);
                if (update is RunDelta)
                {
                    await stop.CancelAsync();
                }
            }
        });

        var runId = Assert.IsType<RunRendered>(received[0]).RunId;
        var saved = await History.GetAsync(runId, settled: true, Cancel);
        var run = saved.Trace;
        Assert.Equal(TraceStatus.Cancelled, run.Status);
        Assert.Equal("Echo: ", run.Output);
        Assert.True(run.UsageEstimated, "a cancelled stream has no usage from the provider");
        Assert.True(run.OutputTokens > 0);
        Assert.True(run.Cost > 0, "the call was made and is paid for");
        Assert.Null(run.ProblemTitle);
        var call = saved.Observations.Single(o => o.Type == ObservationType.Generation);
        Assert.Equal((TraceStatus.Cancelled, run.Cost), (call.Status, call.Cost));
    }

    [Fact]
    public async Task Missing_variables_are_refused_before_anything_is_sent_or_saved()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var before = _bed.Provider.Requests.Count;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Runner.RunAsync(RunInputs.AdHoc(model.Id, "{{$topic}} for {{$audience}}", new() { ["topic"] = "Labels" }), Cancel).CollectAsync());

        Assert.Equal(["Values.audience"], error.Errors.Keys);
        Assert.Equal(before, _bed.Provider.Requests.Count);
        Assert.Equal(0, (await History.ListAsync(null, 1, 10, Cancel)).Total);
    }

    [Fact]
    public async Task A_run_without_a_prompt_or_with_an_unknown_model_names_the_field()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Runner.RunAsync(RunInputs.AdHoc(model.Id, "  ") with { SystemTemplate = null }, Cancel).CollectAsync());
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Runner.RunAsync(RunInputs.AdHoc(Guid.NewGuid(), "hi"), Cancel).CollectAsync());
        var noVersion = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Runner.RunAsync(new RunRequest { ModelId = model.Id, PromptId = Guid.NewGuid() }, Cancel).CollectAsync());

        Assert.Equal("Pick a saved prompt, or write a system or user message.", empty.Errors["UserTemplate"].Single());
        Assert.Contains("ModelId", unknown.Errors.Keys);
        Assert.Contains("PromptVersion", noVersion.Errors.Keys);
    }

    [Fact]
    public async Task Settings_the_model_refuses_fail_the_run_after_rendering_at_no_cost()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, maxOutputTokens: 100);
        var before = _bed.Provider.Requests.Count;

        var run = await _bed.Scope.RunToEndAsync(RunInputs.AdHoc(model.Id, "hi") with { Settings = new GenerationSettings { MaxOutputTokens = 500 } });

        Assert.Equal(TraceStatus.Failed, run.Trace.Status);
        Assert.Contains("Max tokens must be at most 100", run.Trace.ProblemDetail);
        Assert.Equal(0m, run.Trace.Cost);
        Assert.DoesNotContain(run.Observations, o => o.Type == ObservationType.Generation);
        Assert.Equal(before, _bed.Provider.Requests.Count);
        Assert.Equal("hi", run.Messages.Single(m => m.Role == "user").Content);
    }

    [Fact]
    public async Task A_deleted_prompt_leaves_its_runs_with_its_name_and_version()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        await using var editor = _bed.Host.InTeam(await _bed.Host.DemoTeamIdAsync(), TeamRole.Editor);
        var prompt = await editor.Get<PromptRegistry>().CreateAsync("Short lived", null, Cancel);
        await editor.Get<PromptVersions>().CreateAsync(prompt.Id, new NewPromptVersion("Be brief.", "Say {{$word}}", [], null, new GenerationSettings(), "First"), Cancel);
        var ran = await _bed.Scope.RunToEndAsync(new RunRequest { ModelId = model.Id, PromptId = prompt.Id, PromptVersion = 1, Values = new Dictionary<string, string?> { ["word"] = "hi" } });

        await editor.Get<PromptRegistry>().DeleteAsync(prompt.Id, Cancel);

        var run = await History.GetAsync(ran.Trace.Id, settled: false, Cancel);
        Assert.Equal((prompt.Id, "Short lived", 1), (run.Trace.PromptId, run.Trace.PromptName, run.Trace.PromptVersion));
        Assert.Equal("Say {{$word}}", run.Input.UserTemplate);
    }

    private PromptExecutor Runner => _bed.Scope.Get<PromptExecutor>();

    private RunHistory History => _bed.Scope.Get<RunHistory>();
}
