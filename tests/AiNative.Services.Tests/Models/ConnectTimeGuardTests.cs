using AiNative.Services.Traces;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

/// <summary>
/// The address check on every connection: a provider saved before the policy (or whose name
/// resolves elsewhere later) is still refused when a call is made.
/// </summary>
public sealed class ConnectTimeGuardTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_call_to_a_saved_metadata_address_is_refused_before_connecting()
    {
        var model = await _scope.AddOpenAiCompatibleModelAsync("http://169.254.169.254/v1", FakeOpenAiServer.ChatModel, timeoutSeconds: 30);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.InvokeAsync(Chat(model.Id), Cancel));

        Assert.Equal(ProviderFailure.AddressRefused, error.Failure);
        Assert.False(error.IsTransient);
        Assert.Contains("does not connect to 169.254.169.254", error.Message);
    }

    [Fact]
    public async Task An_embedding_call_to_a_saved_link_local_address_is_refused()
    {
        var model = await _scope.AddOpenAiCompatibleModelAsync("http://[fe80::1]:8080/v1", FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, timeoutSeconds: 30);

        var error = await Assert.ThrowsAsync<ProviderCallException>(() => Invoker.EmbedAsync(model.Id, ["text"], TraceSource.Knowledge, Cancel));

        Assert.Equal(ProviderFailure.AddressRefused, error.Failure);
        Assert.Contains("link-local", error.Message);
    }

    private ModelInvoker Invoker => _scope.Get<ModelInvoker>();

    private static ChatInvocation Chat(Guid modelId) => new()
    {
        ModelId = modelId,
        Messages = [new ChatMessage(ChatRole.User, "hi")],
        Source = TraceSource.Playground,
    };
}
