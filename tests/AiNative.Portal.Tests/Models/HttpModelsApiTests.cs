using AiNative.Portal.Client;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Http;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Models;

/// <summary>The browser's implementation of <see cref="IModelsApi"/> against the real endpoints.</summary>
public sealed class HttpModelsApiTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private FakeOpenAiServer _server = null!;
    private ServiceProvider _browser = null!;
    private IModelsApi _api = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        await _portal.CreateAdministratorAsync();
        var signedIn = await _portal.SignInAsync();
        var services = new ServiceCollection().AddHttpApis(signedIn.BaseAddress!);
        services.AddScoped(_ => signedIn);
        _browser = services.BuildServiceProvider();
        _browser.GetRequiredService<CurrentTeam>().Set(await _portal.DemoTeamIdAsync());
        _api = _browser.GetRequiredService<IModelsApi>();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        _portal.Dispose();
    }

    [Fact]
    public async Task The_browser_client_manages_the_registry_through_the_http_api()
    {
        var provider = await _api.CreateProviderAsync(new SaveProviderRequest
        {
            Name = "Fake",
            BaseUrl = _server.BaseUrl,
            ApiKey = FakeOpenAiServer.ApiKey,
        }, Cancel);
        var test = await _api.TestConnectionAsync(provider.Id, Cancel);
        var model = await _api.CreateModelAsync(new SaveModelRequest
        {
            ProviderId = provider.Id,
            Name = "Fake embed",
            ProviderModelId = FakeOpenAiServer.EmbeddingModel,
            Kind = ModelKindDto.Embedding,
            ContextWindow = 8_191,
            EmbeddingDimensions = FakeOpenAiServer.EmbeddingDimensions,
        }, Cancel);
        var updated = await _api.UpdateProviderAsync(provider.Id, new SaveProviderRequest { Name = "Fake renamed", BaseUrl = _server.BaseUrl }, Cancel);
        var embeddings = await _api.ListModelsAsync(ModelKindDto.Embedding, Cancel);

        Assert.Equal(ConnectionOutcomeDto.Reachable, test.Outcome);
        Assert.Equal("Fake renamed", (await _api.GetProviderAsync(provider.Id, Cancel)).Name);
        Assert.True(updated.HasApiKey);
        Assert.Contains(embeddings, m => m.Id == model.Id && m.ProviderName == "Fake renamed");
        Assert.All(embeddings, m => Assert.Equal(ModelKindDto.Embedding, m.Kind));

        await _api.DeleteModelAsync(model.Id, Cancel);
        await _api.DeleteProviderAsync(provider.Id, Cancel);
        Assert.DoesNotContain(await _api.ListProvidersAsync(Cancel), p => p.Id == provider.Id);
    }

    [Fact]
    public async Task Field_errors_reach_the_browser_under_the_request_property_names()
    {
        var offline = (await _api.ListProvidersAsync(Cancel)).Single(p => p.IsBuiltIn);

        var error = await Assert.ThrowsAsync<ApiException>(() => _api.CreateModelAsync(new SaveModelRequest
        {
            ProviderId = offline.Id,
            Name = "Broken",
            ProviderModelId = "gpt-4o",
            ContextWindow = 100,
            MaxOutputTokens = 200,
            OutputPricePerMillion = -1,
            DefaultSettings = new ModelSettingsDto { Temperature = 5 },
        }, Cancel));

        Assert.Equal(400, error.Status);
        Assert.Equal(["DefaultSettings.Temperature", "MaxOutputTokens", "OutputPricePerMillion", "ProviderModelId"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Deleting_a_provider_with_models_is_a_conflict_the_browser_can_show()
    {
        var offline = (await _api.ListProvidersAsync(Cancel)).Single(p => p.IsBuiltIn);

        var error = await Assert.ThrowsAsync<ApiException>(() => _api.DeleteProviderAsync(offline.Id, Cancel));

        Assert.Equal(409, error.Status);
        Assert.Contains("Delete them, or move them to another provider, first.", error.Problem.Message);
    }
}
