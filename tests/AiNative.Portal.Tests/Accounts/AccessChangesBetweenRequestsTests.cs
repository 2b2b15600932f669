using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Accounts;

/// <summary>
/// Who a token's caller is and what they may do is cached for a second; each test makes a request
/// first (so the cache holds the old answer), changes access through the API, and expects the very
/// next request to see the change.
/// </summary>
public sealed class AccessChangesBetweenRequestsTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private PortalUser _admin = null!;
    private Guid _demo;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdministratorAsync();
        _demo = await _portal.DemoTeamIdAsync();
    }

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_revoked_between_two_requests_is_refused_on_the_second()
    {
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(_admin.Id));
        var owner = await _portal.SignInAsync();
        var before = await client.GetAsync("/api/session", Ct);
        var tokens = await owner.GetFromJsonAsync<List<AccessTokenRow>>("/api/account/tokens", PortalJson.Options, Ct);

        (await owner.DeleteAsync($"/api/account/tokens/{tokens!.Single().Id}", Ct)).EnsureSuccessStatusCode();
        var after = await client.GetAsync("/api/session", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("invalid or has been revoked", await after.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_token_whose_owner_is_locked_between_two_requests_is_refused_on_the_second_and_works_again_once_unlocked()
    {
        var user = await _portal.CreateUserAsync("leaver@example.com", "Leaver", (_demo, TeamRole.Editor));
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        var admin = await _portal.SignInAsync();
        var before = await client.GetAsync($"/api/teams/{_demo}/members", Ct);

        (await admin.PutAsJsonAsync($"/api/admin/users/{user.Id}/lock", new SetLockedRequest(true), Ct)).EnsureSuccessStatusCode();
        var locked = await client.GetAsync($"/api/teams/{_demo}/members", Ct);
        (await admin.PutAsJsonAsync($"/api/admin/users/{user.Id}/lock", new SetLockedRequest(false), Ct)).EnsureSuccessStatusCode();
        var unlocked = await client.GetAsync($"/api/teams/{_demo}/members", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task A_member_removed_between_two_requests_loses_the_team_on_the_second()
    {
        var user = await _portal.CreateUserAsync("mover@example.com", "Mover", (_demo, TeamRole.Editor));
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        var owner = await _portal.SignInAsync();
        var before = await client.GetAsync($"/api/teams/{_demo}/members", Ct);
        var sessionBefore = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);

        (await owner.DeleteAsync($"/api/teams/{_demo}/members/{user.Id}", Ct)).EnsureSuccessStatusCode();
        var after = await client.GetAsync($"/api/teams/{_demo}/members", Ct);
        var sessionAfter = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(_demo, sessionBefore?.CurrentTeam?.Id);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Null(sessionAfter?.CurrentTeam);
        Assert.Empty(sessionAfter!.Teams);
    }

    [Fact]
    public async Task A_role_lowered_between_two_requests_counts_on_the_second()
    {
        var user = await _portal.CreateUserAsync("editor@example.com", "Ed", (_demo, TeamRole.Owner));
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        var owner = await _portal.SignInAsync();
        var before = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);

        (await owner.PutAsJsonAsync($"/api/teams/{_demo}/members/{user.Id}", new ChangeRoleRequest(TeamRoleDto.Viewer), PortalJson.Options, Ct))
            .EnsureSuccessStatusCode();
        var after = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);
        var change = await client.PostAsJsonAsync($"/api/teams/{_demo}/members", new AddMemberRequest(PortalFactory.AdminEmail, TeamRoleDto.Viewer), PortalJson.Options, Ct);

        Assert.Equal(TeamRoleDto.Owner, before?.CurrentTeam?.Role);
        Assert.Equal(TeamRoleDto.Viewer, after?.CurrentTeam?.Role);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task An_administrator_whose_rights_are_revoked_between_two_requests_is_refused_on_the_second()
    {
        var other = await _portal.CreateUserAsync("second-admin@example.com", "Second admin");
        var admin = await _portal.SignInAsync();
        (await admin.PutAsJsonAsync($"/api/admin/users/{other.Id}/administrator", new SetAdministratorRequest(true), Ct)).EnsureSuccessStatusCode();
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(other.Id));
        var before = await client.GetAsync("/api/admin/users", Ct);

        (await admin.PutAsJsonAsync($"/api/admin/users/{other.Id}/administrator", new SetAdministratorRequest(false), Ct)).EnsureSuccessStatusCode();
        var after = await client.GetAsync("/api/admin/users", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_team_switch_shows_in_the_next_session()
    {
        var research = await _portal.CreateTeamAsync("Research");
        var user = await _portal.CreateUserAsync("switcher@example.com", "Switcher", (_demo, TeamRole.Viewer), (research, TeamRole.Editor));
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        var before = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);
        var other = before!.CurrentTeam!.Id == _demo ? research : _demo;

        (await client.PostAsJsonAsync("/api/session/team", new SwitchTeamRequest(other), PortalJson.Options, Ct)).EnsureSuccessStatusCode();
        var after = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);

        Assert.Equal(other, after?.CurrentTeam?.Id);
    }

    private sealed record AccessTokenRow(Guid Id, string Name);
}
