using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

public sealed class ModelInvokerTests : IAsyncLifetime
{
    private TeamWithProvider _bed = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await TeamWithProvider.StartAsync(TeamRole.Viewer);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Invoke_returns_the_providers_answer_usage_and_cost_and_records_the_call()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, inputPrice: 2m, outputPrice: 8m);

        var result = await Invoker.InvokeAsync(Chat(model.Id, "hello there"), Cancel);

        Assert.Equal("Echo: hello there", result.Text);
        Assert.Equal("stop", result.FinishReason);
        Assert.False(result.Usage.IsEstimated);
        Assert.Equal(3, result.Usage.OutputTokens);
        Assert.Equal(((result.Usage.InputTokens * 2m) + (result.Usage.OutputTokens * 8m)) / 1_000_000m, result.Cost);
        var call = await _bed.Scope.ObservationAsync(result.CallId);
        Assert.Equal(TraceStatus.Succeeded, call.Status);
        Assert.Equal((ObservationType.Generation, result.Usage.InputTokens, result.Cost), (call.Type, call.InputTokens, call.Cost));
        var trace = await _bed.Scope.TraceAsync(result.TraceId);
        Assert.Equal((TraceSource.Playground, TraceStatus.Succeeded, "Echo: hello there"), (trace.Source, trace.Status, trace.Output));
        Assert.Equal((result.Usage.InputTokens, result.Usage.OutputTokens, result.Cost), (trace.InputTokens, trace.OutputTokens, trace.Cost));
    }

    [Fact]
    public async Task Stream_delivers_the_answer_in_pieces_then_the_result_with_the_streamed_usage()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);

        var updates = await CollectAsync(Invoker.StreamAsync(Chat(model.Id, "one two three four"), Cancel));

        var deltas = updates.OfType<TextDelta>().Select(d => d.Text).ToList();
        var completed = Assert.IsType<InvocationCompleted>(updates[^1]).Result;
        Assert.True(deltas.Count >= 5, "the fake provider streams one word per chunk");
        Assert.Equal("Echo: one two three four", string.Concat(deltas));
        Assert.Equal(string.Concat(deltas), completed.Text);
        Assert.False(completed.Usage.IsEstimated, "usage comes from the stream's final chunk");
        Assert.NotNull(completed.TimeToFirstToken);
        Assert.True(completed.TimeToFirstToken <= completed.Latency);
        var call = await _bed.Scope.ObservationAsync(completed.CallId);
        Assert.Equal(TraceStatus.Succeeded, call.Status);
        Assert.Equal(completed.TimeToFirstToken!.Value.TotalMilliseconds, call.TimeToFirstTokenMs!.Value, 3);
    }

    [Fact]
    public async Task The_offline_model_answers_through_the_same_path_at_no_cost()
    {
        var model = await _bed.Scope.OfflineModelAsync(OfflineModels.ChatModelId);

        var result = await Invoker.InvokeAsync(
            new ChatInvocation
            {
                ModelId = model.Id,
                Messages = [new(ChatRole.System, "The portal keeps prompts as versions."), new(ChatRole.User, "How are prompts kept?")],
                Source = TraceSource.Playground,
            },
            Cancel);

        Assert.Equal("The portal keeps prompts as versions.", result.Text);
        Assert.Equal(0m, result.Cost);
        Assert.True(result.Usage.InputTokens > 0);
    }

    [Theory]
    [InlineData(FakeOpenAiServer.MissingModel, ProviderFailure.NotFound, 404, 502)]
    [InlineData(FakeOpenAiServer.RateLimitedModel, ProviderFailure.RateLimited, 429, 429)]
    [InlineData(FakeOpenAiServer.BrokenModel, ProviderFailure.ProviderError, 500, 502)]
    public async Task Provider_errors_become_failures_with_the_providers_status(string providerModel, ProviderFailure failure, int providerStatus, int portalStatus)
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, providerModel);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Equal(failure, error.Failure);
        Assert.Equal(providerStatus, error.ProviderStatus);
        Assert.Equal(portalStatus, error.StatusCode);
        Assert.Contains($"HTTP {providerStatus}", error.Message);
        var call = await SingleCallOfAsync(model.Id);
        Assert.Equal(TraceStatus.Failed, call.Status);
        Assert.Equal($"{failure} ({providerStatus})", call.Error);
        Assert.Equal(call.Id, error.CallId);
    }

    [Fact]
    public async Task A_stream_that_fails_at_the_provider_names_the_call_it_recorded()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.BrokenModel);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => CollectAsync(Invoker.StreamAsync(Chat(model.Id, "hi"), Cancel)));

        Assert.Equal((await SingleCallOfAsync(model.Id)).Id, error.CallId);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_providers_api_says_so_and_is_recorded_as_failed()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.GarbledModel);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Equal(ProviderFailure.ProviderError, error.Failure);
        Assert.Contains("could not be read", error.Message);
        Assert.Equal(TraceStatus.Failed, (await SingleCallOfAsync(model.Id)).Status);
    }

    [Fact]
    public async Task A_stream_whose_connection_drops_is_recorded_as_failed_not_cancelled()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.GarbledModel);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => CollectAsync(Invoker.StreamAsync(Chat(model.Id, "one two three"), Cancel)));

        Assert.Contains("broke off", error.Message);
        var call = await SingleCallOfAsync(model.Id);
        Assert.Equal((TraceStatus.Failed, call.Id), (call.Status, error.CallId));
    }

    [Fact]
    public async Task An_embedding_call_the_caller_gives_up_on_is_recorded_as_cancelled()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.SlowModel, ModelKind.Embedding);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var embedding = Invoker.EmbedAsync(model.Id, ["alpha"], TraceSource.Knowledge, stop.Token);

        await _bed.Provider.WaitForRequestAsync("/v1/embeddings", Cancel);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedding);

        Assert.Equal(TraceStatus.Cancelled, (await SingleCallOfAsync(model.Id)).Status);
    }

    [Fact]
    public async Task A_call_inside_a_trace_is_recorded_as_its_observation_even_when_cancelled()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var trace = await _bed.Scope.Get<TraceRecorder>().StartAsync(TraceSource.Experiment, "cell", Cancel);
        var parent = trace.Start(ObservationType.Span, "variant A");
        _bed.Provider.HoldStreams();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Invoker.StreamAsync(Chat(model.Id, "one two three") with { Trace = trace, ParentId = parent.Id }, stop.Token))
            {
                await stop.CancelAsync();
            }
        });
        await parent.EndAsync(TraceStatus.Cancelled);
        await trace.EndAsync(TraceStatus.Cancelled);

        var call = await SingleCallOfAsync(model.Id);
        Assert.Equal((TraceStatus.Cancelled, trace.Id, parent.Id), (call.Status, call.TraceId, call.ParentId));
        Assert.Equal(TraceStatus.Cancelled, (await _bed.Scope.TraceAsync(trace.Id)).Status);
    }

    [Fact]
    public async Task A_wrong_key_says_to_check_the_key_and_never_repeats_it()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, apiKey: "sk-wrong-secret-key-123456");

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Equal(ProviderFailure.Unauthorized, error.Failure);
        Assert.Contains("Check the key on the Models page", error.Message);
        Assert.DoesNotContain("sk-wrong-secret-key-123456", error.Message);
    }

    [Fact]
    public async Task A_provider_slower_than_its_timeout_fails_as_a_timeout()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.SlowModel, timeoutSeconds: 1);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Equal(ProviderFailure.Timeout, error.Failure);
        Assert.Equal(504, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_address_nobody_listens_on_fails_as_unreachable()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Equal(ProviderFailure.Unreachable, error.Failure);
        Assert.Contains("http://127.0.0.1:9/v1", error.Message);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_window_is_refused_before_any_call()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, contextWindow: 50);
        var before = _bed.Provider.Requests.Count;

        var error = await Assert.ThrowsAsync<ContextWindowExceededException>(
            () => Invoker.InvokeAsync(Chat(model.Id, string.Join(' ', Enumerable.Repeat("word", 100))), Cancel));

        Assert.Contains("accepts at most 50", error.Message);
        Assert.Equal(before, _bed.Provider.Requests.Count);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Settings_outside_their_ranges_name_each_field()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, maxOutputTokens: 100);
        var request = Chat(model.Id, "hi") with { Settings = new GenerationSettings { Temperature = 3, MaxOutputTokens = 500 } };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Invoker.InvokeAsync(request, Cancel));

        Assert.Contains("Temperature", error.Errors.Keys);
        Assert.Contains("at most 100", error.Errors["MaxOutputTokens"].Single());
    }

    [Fact]
    public async Task Max_tokens_reach_the_provider_and_its_length_finish_is_reported()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var request = Chat(model.Id, "a b c d e f g") with { Settings = new GenerationSettings { MaxOutputTokens = 2, Temperature = 0.5f } };

        var result = await Invoker.InvokeAsync(request, Cancel);

        Assert.Equal("length", result.FinishReason);
        Assert.Equal(2, result.Usage.OutputTokens);
        var sent = _bed.Provider.Requests.Last(r => r.Path == "/v1/chat/completions").Body!;
        Assert.Equal(0.5, sent["temperature"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task Stopping_a_stream_early_records_a_cancelled_call_with_the_tokens_so_far()
    {
        _bed.Provider.ChunkDelay = TimeSpan.FromMilliseconds(50);
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var received = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Invoker.StreamAsync(Chat(model.Id, string.Join(' ', Enumerable.Repeat("word", 40))), stop.Token))
            {
                received.Add(((TextDelta)update).Text);
                if (received.Count == 3)
                {
                    await stop.CancelAsync();
                }
            }
        });

        var call = await SingleCallOfAsync(model.Id);
        Assert.Equal(TraceStatus.Cancelled, call.Status);
        Assert.True(call.OutputTokens is > 0 and < 20, $"only the streamed part is counted, got {call.OutputTokens}");
    }

    [Fact]
    public async Task A_chat_call_to_an_embedding_model_is_refused()
    {
        var model = await _bed.Scope.OfflineModelAsync(OfflineModels.EmbeddingModelId);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Invoker.InvokeAsync(Chat(model.Id, "hi"), Cancel));

        Assert.Contains("pick a chat model", error.Message);
    }

    [Fact]
    public async Task Another_teams_model_is_not_found()
    {
        var otherTeam = await _bed.Host.CreateTeamAsync("Other");
        Guid foreignModel;
        await using (var other = _bed.Host.InTeam(otherTeam))
        {
            foreignModel = (await other.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel)).Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Invoker.InvokeAsync(Chat(foreignModel, "hi"), Cancel));
    }

    [Fact]
    public async Task Embed_returns_one_vector_per_text_in_order_from_a_base64_answer()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding,
            embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions, inputPrice: 0.02m);

        var result = await Invoker.EmbedAsync(model.Id, ["alpha", "beta", "alpha"], TraceSource.Knowledge, Cancel);

        Assert.Equal(3, result.Vectors.Count);
        Assert.All(result.Vectors, v => Assert.Equal(FakeOpenAiServer.EmbeddingDimensions, v.Length));
        Assert.Equal(result.Vectors[0].ToArray(), result.Vectors[2].ToArray());
        Assert.NotEqual(result.Vectors[0].ToArray(), result.Vectors[1].ToArray());
        var call = await _bed.Scope.ObservationAsync(result.CallId);
        Assert.Equal(ObservationType.Embedding, call.Type);
        Assert.Equal(TraceSource.Knowledge, (await _bed.Scope.TraceAsync(call.TraceId)).Source);
    }

    [Fact]
    public async Task Embed_with_registered_dimensions_that_differ_from_the_answer_says_how_to_fix_it()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: 1536);

        var error = await Assert.ThrowsAnyAsync<ConflictException>(() => Invoker.EmbedAsync(model.Id, ["alpha"], TraceSource.Knowledge, Cancel));

        Assert.Contains("registered with 1536 dimensions", error.Message);
    }

    private ModelInvoker Invoker => _bed.Scope.Get<ModelInvoker>();

    private static ChatInvocation Chat(Guid modelId, string user) => new()
    {
        ModelId = modelId,
        Messages = [new ChatMessage(ChatRole.User, user)],
        Source = TraceSource.Playground,
    };

    private static async Task<List<InvocationUpdate>> CollectAsync(IAsyncEnumerable<InvocationUpdate> updates)
    {
        var list = new List<InvocationUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    private Task<Observation> SingleCallOfAsync(Guid modelId) => _bed.Scope.SingleCallOfAsync(modelId);
}
