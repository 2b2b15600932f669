using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Models;

public sealed class ModelsApiTests : IAsyncLifetime
{
    private const string SecretKey = "sk-proj-never-show-me-0123456789";

    private readonly PortalFactory _portal = new();
    private FakeOpenAiServer _server = null!;
    private HttpClient _admin = null!;
    private Guid _teamId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        await _portal.CreateAdministratorAsync();
        _admin = await _portal.SignInAsync();
        _teamId = await _portal.DemoTeamIdAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
        _portal.Dispose();
    }

    [Fact]
    public async Task Providers_and_models_can_be_created_read_changed_and_deleted()
    {
        var created = await _admin.PostAsJsonAsync(TeamPath("providers"), Provider("Fake"), PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var provider = await ReadAsync<ProviderDto>(created);
        Assert.Equal($"/api/teams/{_teamId}/providers/{provider.Id}", created.Headers.Location?.OriginalString);
        Assert.True(provider.HasApiKey);

        var renamed = await ReadAsync<ProviderDto>(await _admin.PutAsJsonAsync(
            TeamPath($"providers/{provider.Id}"), Provider("Fake server") with { ApiKey = null, TimeoutSeconds = 20 }, PortalJson.Options, Cancel));
        Assert.Equal("Fake server", renamed.Name);
        Assert.Equal(20, renamed.TimeoutSeconds);
        Assert.True(renamed.HasApiKey);

        var model = await ReadAsync<ModelDto>(await _admin.PostAsJsonAsync(TeamPath("models"), Chat(provider.Id, "Fake chat"), PortalJson.Options, Cancel));
        Assert.Equal("Fake server", model.ProviderName);
        Assert.Equal(2.5m, model.InputPricePerMillion);
        var changed = await ReadAsync<ModelDto>(await _admin.PutAsJsonAsync(
            TeamPath($"models/{model.Id}"), Chat(provider.Id, "Fake chat") with { OutputPricePerMillion = 12m }, PortalJson.Options, Cancel));
        Assert.Equal(12m, changed.OutputPricePerMillion);
        Assert.Equal(12m, (await GetAsync<ModelDto>($"models/{model.Id}")).OutputPricePerMillion);
        Assert.Equal(1, (await GetAsync<ProviderDto>($"providers/{provider.Id}")).ModelCount);

        var blocked = await _admin.DeleteAsync(TeamPath($"providers/{provider.Id}"), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("'Fake chat'", await blocked.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync(TeamPath($"models/{model.Id}"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync(TeamPath($"providers/{provider.Id}"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(TeamPath($"providers/{provider.Id}"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_offline_models_are_listed_by_kind_and_say_what_they_are()
    {
        var chat = await GetAsync<List<ModelDto>>("models?kind=Chat");
        var embedding = await GetAsync<List<ModelDto>>("models?kind=Embedding");
        var offline = Assert.Single(await GetAsync<List<ProviderDto>>("providers"));

        Assert.Equal(OfflineModels.ChatModelId, Assert.Single(chat).Name);
        Assert.Equal(OfflineModels.ChatDescription, chat[0].Description);
        Assert.Equal(OfflineModels.EmbeddingDescription, Assert.Single(embedding).Description);
        Assert.True(offline.IsBuiltIn);
        Assert.Contains("Not language models", offline.Description);
    }

    [Fact]
    public async Task Invalid_input_answers_400_with_each_field_and_a_duplicate_name_answers_409()
    {
        var invalid = await _admin.PostAsJsonAsync(
            TeamPath("providers"), Provider("") with { BaseUrl = "localhost:8000", TimeoutSeconds = 0 }, PortalJson.Options, Cancel);
        var problem = await invalid.Content.ReadFromJsonAsync<ProblemBody>(PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["BaseUrl", "Name", "TimeoutSeconds"], problem!.Errors!.Keys.Order());

        var provider = await ReadAsync<ProviderDto>(await _admin.PostAsJsonAsync(TeamPath("providers"), Provider("Fake"), PortalJson.Options, Cancel));
        var negative = await _admin.PostAsJsonAsync(TeamPath("models"), Chat(provider.Id, "Cheap") with { InputPricePerMillion = -1m }, PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("The input price cannot be negative.", await negative.Content.ReadAsStringAsync(Cancel));

        var duplicate = await _admin.PostAsJsonAsync(TeamPath("providers"), Provider("FAKE"), PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("already exists", await duplicate.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Test_connection_reports_the_outcome_status_and_models()
    {
        var good = await ReadAsync<ProviderDto>(await _admin.PostAsJsonAsync(TeamPath("providers"), Provider("Good"), PortalJson.Options, Cancel));
        var wrong = await ReadAsync<ProviderDto>(await _admin.PostAsJsonAsync(
            TeamPath("providers"), Provider("Wrong key") with { ApiKey = "sk-wrong-key-000000" }, PortalJson.Options, Cancel));

        var reachable = await ReadAsync<ConnectionTestDto>(await _admin.PostAsync(TeamPath($"providers/{good.Id}/test-connection"), null, Cancel));
        var refused = await ReadAsync<ConnectionTestDto>(await _admin.PostAsync(TeamPath($"providers/{wrong.Id}/test-connection"), null, Cancel));

        Assert.Equal(ConnectionOutcomeDto.Reachable, reachable.Outcome);
        Assert.Equal(200, reachable.ProviderStatus);
        Assert.Contains(FakeOpenAiServer.ChatModel, reachable.ModelIds);
        Assert.Equal(ConnectionOutcomeDto.Unauthorized, refused.Outcome);
        Assert.Equal(401, refused.ProviderStatus);
    }

    [Fact]
    public async Task A_viewer_reads_the_registry_but_every_change_and_connection_test_answers_403()
    {
        var provider = await ReadAsync<ProviderDto>(await _admin.PostAsJsonAsync(TeamPath("providers"), Provider("Fake"), PortalJson.Options, Cancel));
        await _portal.CreateUserAsync("viewer@example.com", "Vera Viewer", (_teamId, TeamRole.Viewer));
        using var viewer = await _portal.SignInAsync("viewer@example.com");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(TeamPath("providers"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(TeamPath("models"), Cancel)).StatusCode);
        HttpResponseMessage[] changes =
        [
            await viewer.PostAsJsonAsync(TeamPath("providers"), Provider("Mine"), PortalJson.Options, Cancel),
            await viewer.PutAsJsonAsync(TeamPath($"providers/{provider.Id}"), Provider("Mine"), PortalJson.Options, Cancel),
            await viewer.DeleteAsync(TeamPath($"providers/{provider.Id}"), Cancel),
            await viewer.PostAsync(TeamPath($"providers/{provider.Id}/test-connection"), null, Cancel),
            await viewer.PostAsJsonAsync(TeamPath("models"), Chat(provider.Id, "Mine"), PortalJson.Options, Cancel),
        ];
        Assert.All(changes, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }

    [Fact]
    public async Task Another_teams_registry_answers_404()
    {
        var elsewhere = await _portal.CreateTeamAsync("Elsewhere");

        var providers = await _admin.GetAsync($"/api/teams/{elsewhere}/providers", Cancel);
        var models = await _admin.GetAsync($"/api/teams/{elsewhere}/models", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, providers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, models.StatusCode);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_any_response()
    {
        var bodies = new List<string>();
        async Task<string> Keep(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            bodies.Add(body);
            return body;
        }

        var keyed = Provider("Keyed") with { ApiKey = SecretKey };
        var created = System.Text.Json.JsonSerializer.Deserialize<ProviderDto>(
            await Keep(await _admin.PostAsJsonAsync(TeamPath("providers"), keyed, PortalJson.Options, Cancel)), PortalJson.Options)!;
        Assert.Equal("••••6789", created.ApiKeyHint);
        await Keep(await _admin.PutAsJsonAsync(TeamPath($"providers/{created.Id}"), keyed, PortalJson.Options, Cancel));
        await Keep(await _admin.PostAsJsonAsync(TeamPath("models"), Chat(created.Id, "Keyed chat"), PortalJson.Options, Cancel));
        await Keep(await _admin.GetAsync(TeamPath("providers"), Cancel));
        await Keep(await _admin.GetAsync(TeamPath($"providers/{created.Id}"), Cancel));
        await Keep(await _admin.GetAsync(TeamPath("models"), Cancel));
        await Keep(await _admin.PostAsync(TeamPath($"providers/{created.Id}/test-connection"), null, Cancel));
        await Keep(await _admin.PostAsJsonAsync(TeamPath("providers"), keyed, PortalJson.Options, Cancel));

        Assert.Equal(8, bodies.Count);
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain(SecretKey, body);
            Assert.DoesNotContain("0123456789", body);
            Assert.DoesNotContain("protectedApiKey", body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_openapi_document_describes_the_registry()
    {
        var document = await _admin.GetStringAsync("/openapi/v1.json", Cancel);

        foreach (var operation in new[] { "ListProviders", "CreateProvider", "UpdateProvider", "DeleteProvider", "TestProviderConnection", "ListModels", "CreateModel", "UpdateModel", "DeleteModel" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
        }

        Assert.Contains("\"OpenAICompatible\"", document);
    }

    [Fact]
    public async Task The_api_reference_groups_providers_and_models_once_apart_from_the_schemas()
    {
        using var document = JsonDocument.Parse(await _admin.GetStringAsync("/openapi/v1.json", Cancel));

        var operationTags = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("tags", out _))
            .ToDictionary(operation => operation.Value.GetProperty("operationId").GetString()!, operation => operation.Value.GetProperty("tags")[0].GetString());
        Assert.Equal("Model registry", operationTags["ListProviders"]);
        Assert.Equal("Model registry", operationTags["ListModels"]);

        // The reference lists the schemas under "Models"; a group of that name would show twice.
        Assert.DoesNotContain("Models", operationTags.Values);
        var documentTags = document.RootElement.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Select(tag => tag.GetProperty("name").GetString()).ToList()
            : [];
        Assert.Equal(documentTags.Distinct().Count(), documentTags.Count);
    }

    private string TeamPath(string relative) => $"/api/teams/{_teamId}/{relative}";

    private SaveProviderRequest Provider(string name) => new()
    {
        Name = name,
        Kind = ProviderKindDto.OpenAICompatible,
        BaseUrl = _server.BaseUrl,
        ApiKey = FakeOpenAiServer.ApiKey,
        TimeoutSeconds = 10,
    };

    private static SaveModelRequest Chat(Guid providerId, string name) => new()
    {
        ProviderId = providerId,
        Name = name,
        ProviderModelId = FakeOpenAiServer.ChatModel,
        Kind = ModelKindDto.Chat,
        ContextWindow = 128_000,
        MaxOutputTokens = 4_096,
        InputPricePerMillion = 2.5m,
        OutputPricePerMillion = 10m,
    };

    private async Task<T> GetAsync<T>(string relative) =>
        (await _admin.GetFromJsonAsync<T>(TeamPath(relative), PortalJson.Options, Cancel))!;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, PortalJson.Options)!;
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
