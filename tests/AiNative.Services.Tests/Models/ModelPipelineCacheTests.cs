using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

/// <summary>Models and their pipelines are cached, and a change saved between two calls is seen by the second, without a restart.</summary>
public sealed class ModelPipelineCacheTests : IAsyncLifetime
{
    private TeamWithProvider _bed = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await TeamWithProvider.StartAsync(TeamRole.Editor);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task A_price_changed_between_two_calls_prices_the_second_call()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, inputPrice: 1m, outputPrice: 1m);
        var first = await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        await Models.UpdateAsync(model.Id, Input(model) with { InputPricePerMillion = 1000m, OutputPricePerMillion = 3000m }, Cancel);
        var second = await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        Assert.Equal((first.Usage.InputTokens + first.Usage.OutputTokens) / 1_000_000m, first.Cost);
        Assert.Equal(((second.Usage.InputTokens * 1000m) + (second.Usage.OutputTokens * 3000m)) / 1_000_000m, second.Cost);
        Assert.Equal(second.Cost, (await _bed.Scope.ObservationAsync(second.CallId)).Cost);
    }

    [Fact]
    public async Task A_key_replaced_between_two_calls_is_sent_with_the_second_call()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel, apiKey: "sk-old-and-wrong");
        var refused = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id), Cancel));

        await Providers.UpdateAsync(model.ProviderId, ProviderInputOf(model) with { ApiKey = FakeOpenAiServer.ApiKey }, Cancel);
        var answered = await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        Assert.Equal(ProviderFailure.Unauthorized, refused.Failure);
        Assert.Equal("Echo: hi", answered.Text);
    }

    [Fact]
    public async Task A_provider_moved_to_another_address_is_called_there_on_the_next_call()
    {
        await using var second = await FakeOpenAiServer.StartAsync();
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        await Providers.UpdateAsync(model.ProviderId, ProviderInputOf(model) with { BaseUrl = second.BaseUrl, ApiKey = FakeOpenAiServer.ApiKey }, Cancel);
        await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        Assert.Single(second.Requests, r => r.Path == "/v1/chat/completions");
    }

    [Fact]
    public async Task A_deleted_model_is_not_found_on_the_next_call()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        await Invoker.InvokeAsync(Chat(model.Id), Cancel);

        await Models.DeleteAsync(model.Id, Cancel);

        await Assert.ThrowsAsync<NotFoundException>(() => Invoker.InvokeAsync(Chat(model.Id), Cancel));
    }

    private ModelInvoker Invoker => _bed.Scope.Get<ModelInvoker>();

    private ModelRegistry Models => _bed.Scope.Get<ModelRegistry>();

    private ProviderRegistry Providers => _bed.Scope.Get<ProviderRegistry>();

    private static ChatInvocation Chat(Guid modelId) =>
        new() { ModelId = modelId, Messages = [new ChatMessage(ChatRole.User, "hi")], Source = TraceSource.Playground };

    private static ModelInput Input(ModelDefinition model) => new()
    {
        ProviderId = model.ProviderId,
        Name = model.Name,
        ProviderModelId = model.ProviderModelId,
        Kind = model.Kind,
        ContextWindow = model.ContextWindow,
        MaxOutputTokens = model.MaxOutputTokens,
        InputPricePerMillion = model.InputPricePerMillion,
        OutputPricePerMillion = model.OutputPricePerMillion,
    };

    private static ProviderInput ProviderInputOf(ModelDefinition model) => new()
    {
        Name = model.Provider.Name,
        Kind = model.Provider.Kind,
        BaseUrl = model.Provider.BaseUrl,
        TimeoutSeconds = model.Provider.TimeoutSeconds,
    };
}
