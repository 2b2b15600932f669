using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Services.Data;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Accounts;

public sealed class AccessTokenAuthenticationTests : IAsyncLifetime
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
    public async Task A_token_acts_as_its_owner_and_needs_no_client_header_for_changes()
    {
        await _portal.CreateUserAsync("val@example.com", "Val");
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(_admin.Id));

        var session = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);
        var added = await client.PostAsJsonAsync($"/api/teams/{_demo}/members", new AddMemberRequest("val@example.com", TeamRoleDto.Viewer), PortalJson.Options, Ct);

        Assert.Equal(PortalFactory.AdminEmail, session?.Email);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_401_and_says_so_without_telling_more()
    {
        var secret = await _portal.CreateAccessTokenAsync(_admin.Id);
        var owner = await _portal.SignInAsync();
        var tokens = await owner.GetFromJsonAsync<List<AccessTokenRow>>("/api/account/tokens", PortalJson.Options, Ct);
        (await owner.DeleteAsync($"/api/account/tokens/{tokens!.Single().Id}", Ct)).EnsureSuccessStatusCode();

        var revoked = await _portal.CreateTokenClient(secret).GetAsync("/api/session", Ct);
        var unknown = await _portal.CreateTokenClient("ainp_" + new string('x', 43)).GetAsync("/api/session", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("invalid or has been revoked", await revoked.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Bearer error=\"invalid_token\"", revoked.Headers.WwwAuthenticate.ToString());
        Assert.Equal(await Problems.ReadAsync(revoked), await Problems.ReadAsync(unknown));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401_that_says_it_expired()
    {
        var secret = await _portal.CreateAccessTokenAsync(_admin.Id);
        using (var scope = _portal.Services.CreateScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
        {
            var token = await db.PersonalAccessTokens.SingleAsync(Ct);
            token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(Ct);
        }

        var response = await _portal.CreateTokenClient(secret).GetAsync("/api/session", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_token_cannot_create_or_revoke_tokens()
    {
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(_admin.Id));

        var create = await client.PostAsJsonAsync("/api/account/tokens", new { name = "from a token", lifetimeDays = 365 }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("Access tokens cannot manage access tokens", await create.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_token_opens_the_api_but_no_page()
    {
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(_admin.Id));

        var page = await client.GetAsync("/team/members", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_token_of_a_locked_account_stops_working()
    {
        var user = await _portal.CreateUserAsync("leaver@example.com", "Leaver", (_demo, TeamRole.Editor));
        var client = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        var admin = await _portal.SignInAsync();

        (await admin.PutAsJsonAsync($"/api/admin/users/{user.Id}/lock", new { locked = true }, Ct)).EnsureSuccessStatusCode();
        var response = await client.GetAsync("/api/session", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record AccessTokenRow(Guid Id, string Name);
}
