using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Gateway;

public sealed class GatewayRoutesTests : IAsyncLifetime
{
    private TeamWithProvider _team = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _team = await TeamWithProvider.StartAsync(TeamRole.Owner);

    public async ValueTask DisposeAsync() => await _team.DisposeAsync();

    [Fact]
    public async Task A_route_names_the_problem_with_each_field_it_refuses()
    {
        var embedder = await _team.Scope.AddOpenAiCompatibleModelAsync(_team.Provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding);
        var chat = await _team.Scope.AddOpenAiCompatibleModelAsync(_team.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var routes = _team.Scope.Get<GatewayRoutes>();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => routes.CreateAsync(new GatewayRouteInput
        {
            Name = "prompt:sneaky",
            Targets = [new RouteTarget(embedder.Id, 1)],
            Fallbacks = [Guid.NewGuid()],
            TimeoutSeconds = 0,
            Guard = RouteGuard.JsonSchema,
            JsonSchema = "{ not json",
        }, Cancel));

        Assert.Equal(["Fallbacks", "JsonSchema", "Name", "Targets", "TimeoutSeconds"], error.Errors.Keys.Order());
        var sameAsModel = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            routes.CreateAsync(new GatewayRouteInput { Name = chat.Name, Targets = [new RouteTarget(chat.Id, 1)] }, Cancel));
        Assert.Contains("would hide it", sameAsModel.Errors["Name"].Single());
    }

    [Fact]
    public async Task Route_names_are_unique_in_a_team_and_a_viewer_cannot_change_routes()
    {
        var chat = await _team.Scope.AddOpenAiCompatibleModelAsync(_team.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var routes = _team.Scope.Get<GatewayRoutes>();
        await routes.CreateAsync(new GatewayRouteInput { Name = "main", Targets = [new RouteTarget(chat.Id, 1)] }, Cancel);

        await Assert.ThrowsAsync<ConflictException>(() => routes.CreateAsync(new GatewayRouteInput { Name = "MAIN", Targets = [new RouteTarget(chat.Id, 1)] }, Cancel));
        await using var viewer = _team.Host.InTeam(await _team.Host.DemoTeamIdAsync(), TeamRole.Viewer);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            viewer.Get<GatewayRoutes>().CreateAsync(new GatewayRouteInput { Name = "other", Targets = [new RouteTarget(chat.Id, 1)] }, Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<GatewayKeys>().CreateAsync(new GatewayKeyInput { Name = "k" }, Cancel));
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_and_checked_until_it_is_revoked()
    {
        var keys = _team.Scope.Get<GatewayKeys>();
        var created = await keys.CreateAsync(new GatewayKeyInput { Name = "app", RequestsPerMinute = 60, DailyBudget = 1.5m }, Cancel);

        Assert.StartsWith(GatewayKeySecret.Prefix, created.Secret);
        await using (var db = await _team.Scope.DbAsync())
        {
            Assert.DoesNotContain(db.GatewayKeys.Select(k => k.SecretHash).ToList(), h => h.Contains(created.Secret, StringComparison.Ordinal));
        }

        var check = await keys.CheckAsync(created.Secret, Cancel);
        Assert.Equal(created.Key.Id, check.Caller?.KeyId);
        Assert.Equal(1.5m, check.Caller?.DailyBudget);

        await keys.RevokeAsync(created.Key.Id, Cancel);
        Assert.Null((await keys.CheckAsync(created.Secret, Cancel)).Caller);
        Assert.Contains("revoked", (await keys.CheckAsync(created.Secret, Cancel)).Refusal);
    }
}
