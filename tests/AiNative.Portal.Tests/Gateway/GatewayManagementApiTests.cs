using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Gateway;

public sealed class GatewayManagementApiTests : IAsyncLifetime
{
    private GatewayPortal _gateway = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _gateway = await GatewayPortal.StartAsync();

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task An_owner_creates_a_route_and_a_key_through_the_API_and_an_application_calls_with_it()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        using var owner = await _gateway.Portal.SignInAsync();

        using var route = await owner.PostAsJsonAsync(Path("gateway/routes"),
            new SaveGatewayRouteRequest("assistant", [new RouteTargetDto(model.Id, 1)]), PortalJson.Options, Cancel);
        using var key = await owner.PostAsJsonAsync(Path("gateway/keys"), new CreateGatewayKeyRequest("assistant app", ["assistant"]), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, route.StatusCode);
        var created = (await key.Content.ReadFromJsonAsync<CreatedGatewayKeyDto>(PortalJson.Options, Cancel))!;
        var listed = await owner.GetFromJsonAsync<List<GatewayKeyDto>>(Path("gateway/keys"), PortalJson.Options, Cancel);
        Assert.Equal(created.Key.DisplayPrefix, Assert.Single(listed!).DisplayPrefix);
        Assert.DoesNotContain(created.Secret, await owner.GetStringAsync(Path("gateway/keys"), Cancel));

        var answer = await _gateway.OpenAi(created.Secret).GetChatClient("assistant").CompleteChatAsync([new OpenAI.Chat.UserChatMessage("hi")], cancellationToken: Cancel);
        Assert.Equal("Echo: hi", answer.Value.Content[0].Text);
    }

    [Fact]
    public async Task A_viewer_reads_routes_but_cannot_create_keys_and_a_token_cannot_mint_keys()
    {
        var viewer = await _gateway.Portal.CreateUserAsync("viewer@example.com", "Vera Viewer", (_gateway.TeamId, TeamRole.Viewer));
        using var viewerClient = await _gateway.Portal.SignInAsync("viewer@example.com");
        using var tokenClient = _gateway.Portal.CreateTokenClient(await _gateway.Portal.CreateAccessTokenAsync(_gateway.Administrator.Id));

        using var read = await viewerClient.GetAsync(Path("gateway/routes"), Cancel);
        using var refused = await viewerClient.PostAsJsonAsync(Path("gateway/keys"), new CreateGatewayKeyRequest("nope"), PortalJson.Options, Cancel);
        using var minted = await tokenClient.PostAsJsonAsync(Path("gateway/keys"), new CreateGatewayKeyRequest("nope"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.NotEqual(Guid.Empty, viewer.Id);
    }

    [Fact]
    public async Task Team_limits_set_by_an_owner_count_across_all_keys_from_the_next_request_and_a_viewer_cannot_change_them()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var first = _gateway.Http((await _gateway.KeyAsync(new GatewayKeyInput { Name = "web" })).Secret);
        var second = _gateway.Http((await _gateway.KeyAsync(new GatewayKeyInput { Name = "mobile" })).Secret);
        using var before = await first.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name), Cancel);
        await _gateway.Portal.CreateUserAsync("viewer@example.com", "Vera Viewer", (_gateway.TeamId, TeamRole.Viewer));
        using var owner = await _gateway.Portal.SignInAsync();
        using var viewer = await _gateway.Portal.SignInAsync("viewer@example.com");

        using var invalid = await owner.PutAsJsonAsync(Path("gateway/limits"), new GatewayTeamLimitsDto(0, null), PortalJson.Options, Cancel);
        using var refused = await viewer.PutAsJsonAsync(Path("gateway/limits"), new GatewayTeamLimitsDto(100, null), PortalJson.Options, Cancel);
        using var set = await owner.PutAsJsonAsync(Path("gateway/limits"), new GatewayTeamLimitsDto(2, null), PortalJson.Options, Cancel);
        var read = await viewer.GetFromJsonAsync<GatewayTeamLimitsDto>(Path("gateway/limits"), PortalJson.Options, Cancel);
        using var one = await first.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name), Cancel);
        using var two = await second.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name), Cancel);
        using var three = await second.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name), Cancel);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(new GatewayTeamLimitsDto(2, null), read);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (one.StatusCode, two.StatusCode, three.StatusCode));
        Assert.NotNull(three.Headers.RetryAfter);
        using var error = System.Text.Json.JsonDocument.Parse(await three.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("(all its keys together) allows 2 requests per minute", error.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    private static object Chat(string model) => new { model, messages = new[] { new { role = "user", content = "hello" } } };

    private string Path(string relative) => $"/api/teams/{_gateway.TeamId}/{relative}";
}
