using AiNative.Services.Models;
using AiNative.Services.Models.Connections;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Models;

public sealed class ProviderConnectionTesterTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private FakeOpenAiServer _server = null!;
    private TeamScope _scope = null!;
    private Guid _teamId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _server = await FakeOpenAiServer.StartAsync();
        _teamId = await _host.DemoTeamIdAsync();
        _scope = _host.InTeam(_teamId, TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _server.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_reachable_provider_lists_its_models_with_the_status_and_latency()
    {
        var provider = await AddProviderAsync(_server.BaseUrl);

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Reachable, result.Outcome);
        Assert.Equal(200, result.ProviderStatus);
        Assert.Equal(ConnectionProbe.ListedModels, result.Probe);
        Assert.Equal([FakeOpenAiServer.ChatModel, FakeOpenAiServer.EmbeddingModel, FakeOpenAiServer.SlowModel], result.ModelIds);
        Assert.True(result.Latency > TimeSpan.Zero);
        Assert.Contains("lists 3 model(s)", result.Message);
    }

    [Fact]
    public async Task An_ollama_provider_lists_its_local_models_with_the_key_it_is_given()
    {
        var provider = await AddProviderAsync(_server.OllamaBaseUrl, kind: ProviderKind.Ollama);
        await _scope.Get<ModelRegistry>().CreateAsync(new ModelInput
        {
            ProviderId = provider.Id,
            Name = "Untagged",
            ProviderModelId = FakeOpenAiServer.ChatModel,
            Kind = ModelKind.Chat,
            ContextWindow = 8_192,
        }, Cancel);

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Reachable, result.Outcome);
        Assert.Equal([$"{FakeOpenAiServer.ChatModel}:latest", $"{FakeOpenAiServer.EmbeddingModel}:latest"], result.ModelIds);
        Assert.Empty(result.UnlistedModels);
    }

    [Fact]
    public async Task An_ollama_provider_behind_a_proxy_that_refuses_the_key_is_unauthorised()
    {
        var provider = await AddProviderAsync(_server.OllamaBaseUrl, apiKey: "wrong-proxy-key", kind: ProviderKind.Ollama);

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.ProviderStatus);
    }

    [Fact]
    public async Task Registered_models_the_provider_does_not_list_are_named_with_what_to_check()
    {
        var listed = await _scope.AddOpenAiCompatibleModelAsync(_server.BaseUrl, FakeOpenAiServer.ChatModel);
        var typo = await _scope.Get<ModelRegistry>().CreateAsync(new ModelInput
        {
            ProviderId = listed.ProviderId,
            Name = "Typo",
            ProviderModelId = "fake-chta",
            Kind = ModelKind.Chat,
            ContextWindow = 8_192,
        }, Cancel);

        var result = await Tester.TestAsync(listed.ProviderId, Cancel);

        Assert.Equal(ConnectionOutcome.Reachable, result.Outcome);
        Assert.Equal([typo.Name], result.UnlistedModels);
        Assert.Contains("does not list 'fake-chta' (model 'Typo'): check the model id", result.Message);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorised_with_401_and_the_key_is_not_repeated()
    {
        var provider = await AddProviderAsync(_server.BaseUrl, apiKey: "sk-wrong-key-0123456789");

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.ProviderStatus);
        Assert.Contains("Check the key", result.Message);
        Assert.DoesNotContain("0123456789", result.Message);
        Assert.Empty(result.ModelIds);
    }

    [Fact]
    public async Task A_base_url_with_nothing_there_is_not_found_with_404_and_says_to_check_the_url()
    {
        var provider = await AddProviderAsync(_server.BaseUrl.Replace("/v1", "/nothing-here"));

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.NotFound, result.Outcome);
        Assert.Equal(404, result.ProviderStatus);
        Assert.Contains("Check the base URL", result.Message);
    }

    [Fact]
    public async Task A_provider_slower_than_its_timeout_timed_out()
    {
        _server.ModelsDelay = TimeSpan.FromSeconds(10);
        var provider = await AddProviderAsync(_server.BaseUrl, timeoutSeconds: 1);

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.TimedOut, result.Outcome);
        Assert.Null(result.ProviderStatus);
        Assert.Contains("did not answer within 1 seconds", result.Message);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_unreachable()
    {
        var provider = await AddProviderAsync("http://127.0.0.1:9/v1");

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Unreachable, result.Outcome);
        Assert.Null(result.ProviderStatus);
        Assert.Contains("cannot be reached at http://127.0.0.1:9/v1", result.Message);
    }

    [Theory]
    [InlineData(429, ConnectionOutcome.RateLimited)]
    [InlineData(500, ConnectionOutcome.ProviderError)]
    [InlineData(400, ConnectionOutcome.Rejected)]
    public async Task Provider_failures_are_named_with_their_status(int status, ConnectionOutcome outcome)
    {
        var provider = await AddProviderAsync(_server.BaseUrl);
        _server.FailNext(1, status);

        var result = await Tester.TestAsync(provider.Id, Cancel);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(status, result.ProviderStatus);
        Assert.Contains($"HTTP {status}", result.Message);
    }

    [Fact]
    public async Task Without_a_model_list_a_registered_chat_model_is_asked_for_one_token()
    {
        var model = await _scope.AddOpenAiCompatibleModelAsync(_server.BaseUrl, FakeOpenAiServer.ChatModel);
        _server.FailNext(1, 404);

        var result = await Tester.TestAsync(model.ProviderId, Cancel);

        Assert.Equal(ConnectionOutcome.Reachable, result.Outcome);
        Assert.Equal(ConnectionProbe.OneTokenCall, result.Probe);
        Assert.Equal([FakeOpenAiServer.ChatModel], result.ModelIds);
        var sent = _server.Requests.Last(r => r.Path == "/v1/chat/completions").Body!;
        Assert.Equal(1, (sent["max_completion_tokens"] ?? sent["max_tokens"])!.GetValue<int>());
        var call = await _scope.SingleCallOfAsync(model.Id);
        Assert.Equal(TraceSource.ConnectionTest, (await _scope.TraceAsync(call.TraceId)).Source);
    }

    [Fact]
    public async Task When_the_one_token_call_fails_its_failure_is_the_result()
    {
        var model = await _scope.AddOpenAiCompatibleModelAsync(_server.BaseUrl, FakeOpenAiServer.MissingModel);
        _server.FailNext(1, 404);

        var result = await Tester.TestAsync(model.ProviderId, Cancel);

        Assert.Equal(ConnectionOutcome.NotFound, result.Outcome);
        Assert.Equal(ConnectionProbe.OneTokenCall, result.Probe);
        Assert.Contains($"does not know model '{FakeOpenAiServer.MissingModel}'", result.Message);
    }

    [Fact]
    public async Task The_offline_provider_is_always_reachable_with_its_two_models()
    {
        var offline = (await _scope.Get<ProviderRegistry>().ListAsync(Cancel)).Single(p => p.Kind == ProviderKind.Offline);

        var result = await Tester.TestAsync(offline.Id, Cancel);

        Assert.Equal(ConnectionOutcome.Reachable, result.Outcome);
        Assert.Equal(ConnectionProbe.BuiltIn, result.Probe);
        Assert.Equal([OfflineModels.ChatModelId, OfflineModels.EmbeddingModelId], result.ModelIds);
        Assert.Contains("not language models", result.Message);
    }

    [Fact]
    public async Task A_metadata_address_saved_before_the_check_is_refused_when_tested()
    {
        var model = await _scope.AddOpenAiCompatibleModelAsync("http://169.254.169.254/v1", FakeOpenAiServer.ChatModel);

        var result = await Tester.TestAsync(model.ProviderId, Cancel);

        Assert.Equal(ConnectionOutcome.AddressRefused, result.Outcome);
        Assert.Contains("AllowLinkLocalProviders", result.Message);
    }

    [Fact]
    public async Task A_viewer_cannot_test_a_connection()
    {
        var provider = await AddProviderAsync(_server.BaseUrl);
        await using var viewer = _host.InTeam(_teamId, TeamRole.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<ProviderConnectionTester>().TestAsync(provider.Id, Cancel));
    }

    private ProviderConnectionTester Tester => _scope.Get<ProviderConnectionTester>();

    private Task<ModelProvider> AddProviderAsync(
        string baseUrl, string apiKey = FakeOpenAiServer.ApiKey, int timeoutSeconds = 10, ProviderKind kind = ProviderKind.OpenAICompatible) =>
        _scope.Get<ProviderRegistry>().CreateAsync(
            new ProviderInput
            {
                Name = $"Fake {Guid.NewGuid():N}"[..16],
                Kind = kind,
                BaseUrl = baseUrl,
                ApiKey = apiKey,
                TimeoutSeconds = timeoutSeconds,
            },
            Cancel);
}
