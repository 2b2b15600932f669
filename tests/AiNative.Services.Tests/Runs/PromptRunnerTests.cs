using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Runs;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Runs;

public sealed class PromptRunnerTests : IAsyncLifetime
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

        var run = await History.GetAsync(rendered.RunId, Cancel);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(("Support answer", 2, model.Name), (run.PromptName, run.PromptVersion, run.ModelName));
        Assert.Equal("Echo: Question: Where are labels?", run.Output);
        Assert.Equal("stop", run.FinishReason);
        Assert.False(run.UsageEstimated, "the provider reported usage in its stream");
        Assert.Equal(5, run.OutputTokens);
        Assert.Equal(((run.InputTokens * 2m) + (run.OutputTokens * 8m)) / 1_000_000m, run.Cost);
        Assert.NotNull(run.TimeToFirstTokenMs);
        Assert.True(run.TimeToFirstTokenMs <= run.LatencyMs);
        Assert.Equal(0.4f, run.Settings.Temperature);
        Assert.Equal("Where are labels?", run.Variables.Single(v => v.Name == "question").Value);
        Assert.Equal(("Test User", (Guid?)null), (run.ActorName, run.ActorId));
        Assert.Equal([SpanNames.Render, SpanNames.ModelCall], run.Spans.Select(s => s.Name));
        Assert.All(run.Spans, s => Assert.Equal(RunStatus.Succeeded, s.Status));
        var call = run.Spans[1];
        Assert.True(call.StartOffsetMs >= run.Spans[0].StartOffsetMs + run.Spans[0].DurationMs);
        Assert.Equal(run.OutputTokens.ToString(), call.Attributes["gen_ai.usage.output_tokens"]);
        Assert.Equal(FakeOpenAiServer.ChatModel, call.Attributes["gen_ai.request.model"]);
        Assert.Equal("Support answer", run.Spans[0].Attributes["ainative.prompt.name"]);
        await using var db = await _bed.Scope.DbAsync();
        var modelCall = await db.ModelCalls.SingleAsync(c => c.Id == run.ModelCallId, Cancel);
        Assert.Equal((InvocationSource.Playground, run.InputTokens), (modelCall.Source, modelCall.InputTokens));
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
        var run = await History.GetAsync(finished.Run.Id, Cancel);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(title, run.ProblemTitle);
        Assert.Contains(detail, run.ProblemDetail);
        Assert.Equal(string.Empty, run.Output);
        Assert.True(run.UsageEstimated);
        var call = run.Spans.Single(s => s.Name == SpanNames.ModelCall);
        Assert.Equal((RunStatus.Failed, errorType), (call.Status, call.Attributes["error.type"]));
        Assert.Equal(CallStatus.Failed, (await ModelCallAsync(run.ModelCallId)).Status);
        Assert.Equal(run.ModelCallId.ToString(), call.Attributes["ainative.model_call.id"]);
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
        var run = await History.GetAsync(runId, Cancel);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("Echo: ", run.Output);
        Assert.True(run.UsageEstimated, "a cancelled stream has no usage from the provider");
        Assert.True(run.OutputTokens > 0);
        Assert.True(run.Cost > 0, "the call was made and is paid for");
        Assert.Null(run.ProblemTitle);
        Assert.Equal(RunStatus.Cancelled, run.Spans.Single(s => s.Name == SpanNames.ModelCall).Status);
        var call = await ModelCallAsync(run.ModelCallId);
        Assert.Equal((CallStatus.Cancelled, run.Cost), (call.Status, call.Cost));
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

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("Max tokens must be at most 100", run.ProblemDetail);
        Assert.Equal(0m, run.Cost);
        Assert.Null(run.ModelCallId);
        Assert.Equal(before, _bed.Provider.Requests.Count);
        Assert.Equal("hi", run.Messages.Single(m => m.Role == RunMessage.UserRole).Content);
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

        var run = await History.GetAsync(ran.Id, Cancel);
        Assert.Equal((null, "Short lived", 1), (run.PromptId, run.PromptName, run.PromptVersion));
        Assert.Equal("Say {{$word}}", run.UserTemplate);
    }

    private PromptRunner Runner => _bed.Scope.Get<PromptRunner>();

    private async Task<ModelCall> ModelCallAsync(Guid? callId)
    {
        Assert.NotNull(callId);
        await using var db = await _bed.Scope.DbAsync();
        return await db.ModelCalls.SingleAsync(c => c.Id == callId, Cancel);
    }

    private RunHistory History => _bed.Scope.Get<RunHistory>();
}
