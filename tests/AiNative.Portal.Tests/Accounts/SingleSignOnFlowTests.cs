using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Http;
using AiNative.Portal.Accounts.SingleSignOn;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Accounts;

/// <summary>
/// The whole OpenID Connect round trip against a local provider (<see cref="FakeOpenIdProvider"/>):
/// the sign-in button, the provider's form post, the code exchange, the signed ID token, and the
/// portal's own session with the memberships the teams claim grants.
/// </summary>
public sealed class SingleSignOnFlowTests : IAsyncLifetime
{
    private FakeOpenIdProvider _provider = null!;
    private PortalFactory _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync();
        _portal = new PortalFactory()
            .WithSetting("Portal:Authentication:OpenIdConnect:Authority", _provider.Authority)
            .WithSetting("Portal:Authentication:OpenIdConnect:ClientId", FakeOpenIdProvider.ClientId)
            .WithSetting("Portal:Authentication:OpenIdConnect:ClientSecret", FakeOpenIdProvider.ClientSecret)
            .WithSetting("Portal:Authentication:OpenIdConnect:DisplayName", "Fake IdP")
            .WithSetting("Portal:Authentication:OpenIdConnect:TeamsClaim", "groups")
            .WithSetting("Portal:Authentication:OpenIdConnect:RequireHttpsMetadata", "false")
            // The test host speaks plain http; the provider's correlation cookies are Secure-only by default.
            .WithServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectSettings.Scheme, options =>
            {
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }));
        await _portal.CreateAdministratorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _portal.Dispose();
        await _provider.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_sign_on_creates_the_account_and_joins_the_claimed_team_with_its_role()
    {
        await _portal.CreateTeamAsync("Research");
        _provider.NextUser = new FakeIdentityUser("kim-1", "kim@example.com", "Kim Sso", true, ["research:Editor", "nonexistent:Owner"]);

        var (client, landing) = await SignOnAsync("/team/members");
        var session = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);

        Assert.Equal("/team/members", landing);
        Assert.Equal(("Kim Sso", "kim@example.com"), (session?.DisplayName, session?.Email));
        Assert.Equal(("Research", TeamRoleDto.Editor), (session?.CurrentTeam?.Name, session?.CurrentTeam?.Role));
        Assert.Single(session!.Teams);
    }

    [Fact]
    public async Task A_verified_email_links_the_existing_account_and_a_locked_one_is_turned_away()
    {
        var demo = await _portal.DemoTeamIdAsync();
        var local = await _portal.CreateUserAsync("lee@example.com", "Lee Local", (demo, TeamRole.Viewer));
        _provider.NextUser = new FakeIdentityUser("lee-1", "lee@example.com", "Lee", true, ["demo:Editor"]);

        var (client, _) = await SignOnAsync("/");
        var session = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, Ct);
        var admin = await _portal.SignInAsync();
        (await admin.PutAsJsonAsync($"/api/admin/users/{local.Id}/lock", new { locked = true }, Ct)).EnsureSuccessStatusCode();
        var (_, refused) = await SignOnAsync("/");

        Assert.Equal((local.Id, TeamRoleDto.Editor), (session?.UserId, session?.CurrentTeam?.Role));
        Assert.Equal($"/account/login?sso={ExternalLoginError.Locked}", refused);
    }

    /// <summary>Presses "Sign in with Fake IdP", lets the provider answer as a browser would, and returns where the portal lands.</summary>
    private async Task<(HttpClient Client, string Landing)> SignOnAsync(string returnUrl)
    {
        var client = _portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/account/login", Ct);
        Assert.Contains("Sign in with Fake IdP", login);
        var challenge = await client.PostAsync("/account/external-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(login),
            ["returnUrl"] = returnUrl,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith($"{_provider.Authority}/authorize", challenge.Headers.Location?.ToString());

        using var browser = new HttpClient();
        var (action, fields) = FakeOpenIdProvider.ReadFormPost(await browser.GetStringAsync(challenge.Headers.Location, Ct));
        var callback = await client.PostAsync(new Uri(action).PathAndQuery, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var signedIn = await client.GetAsync(callback.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        client.DefaultRequestHeaders.Add(PortalApiClient.ClientHeader, "test");
        return (client, signedIn.Headers.Location!.OriginalString);
    }
}
