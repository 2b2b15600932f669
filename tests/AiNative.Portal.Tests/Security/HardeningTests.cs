using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Http;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Security;

public sealed class HardeningTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory()
        .WithServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));

    private Guid _demo;

    public async ValueTask InitializeAsync()
    {
        await _portal.CreateAdministratorAsync();
        _demo = await _portal.DemoTeamIdAsync();
    }

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_change_without_the_client_header_is_refused_with_the_reason_and_changes_nothing()
    {
        await _portal.CreateUserAsync("val@example.com", "Val");
        var client = await _portal.SignInAsync();
        client.DefaultRequestHeaders.Remove(PortalApiClient.ClientHeader);

        var forged = await client.PostAsJsonAsync($"/api/teams/{_demo}/members", new AddMemberRequest("val@example.com", TeamRoleDto.Owner), PortalJson.Options, Ct);
        var read = await client.GetFromJsonAsync<List<TeamMemberDto>>($"/api/teams/{_demo}/members", PortalJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("X-AiNative-Client", await forged.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(read!, m => m.Email == "val@example.com");
    }

    [Fact]
    public async Task A_viewer_posting_a_change_is_refused_and_the_team_is_unchanged()
    {
        await _portal.CreateUserAsync("val@example.com", "Val", (_demo, TeamRole.Viewer));
        await _portal.CreateUserAsync("eve@example.com", "Eve");
        var viewer = await _portal.SignInAsync("val@example.com");

        var response = await viewer.PostAsJsonAsync($"/api/teams/{_demo}/members", new AddMemberRequest("eve@example.com", TeamRoleDto.Owner), PortalJson.Options, Ct);
        var members = await viewer.GetFromJsonAsync<List<TeamMemberDto>>($"/api/teams/{_demo}/members", PortalJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Owner", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, members!.Count);
    }

    [Fact]
    public async Task Another_teams_members_answer_404_as_if_the_team_did_not_exist()
    {
        var elsewhere = await _portal.CreateTeamAsync("Elsewhere");
        await _portal.CreateUserAsync("val@example.com", "Val", (elsewhere, TeamRole.Owner));
        var stranger = await _portal.SignInAsync("val@example.com");

        var response = await stranger.GetAsync($"/api/teams/{_demo}/members", Ct);
        var unknown = await stranger.GetAsync($"/api/teams/{Guid.NewGuid()}/members", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await Problems.ReadAsync(unknown), await Problems.ReadAsync(response));
    }

    [Fact]
    public async Task Sign_out_posted_without_its_antiforgery_token_is_refused_and_the_session_stays()
    {
        var client = await _portal.SignInAsync();

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_posted_without_its_antiforgery_token_is_refused()
    {
        var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ainative.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Locking_an_account_refuses_its_sign_in_and_ends_its_session()
    {
        var user = await _portal.CreateUserAsync("val@example.com", "Val", (_demo, TeamRole.Editor));
        var session = await _portal.SignInAsync("val@example.com");
        var admin = await _portal.SignInAsync();

        (await admin.PutAsJsonAsync($"/api/admin/users/{user.Id}/lock", new { locked = true }, Ct)).EnsureSuccessStatusCode();
        var signIn = await SignInPageAsync("val@example.com", PortalFactory.Password);

        Assert.Contains("This account is locked. Ask an administrator to unlock it.", signIn);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/app.css")]
    [InlineData("/api/session")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await _portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path, Ct);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Matches("script-src 'self' 'nonce-[^']+' 'wasm-unsafe-eval'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Each_page_gets_its_own_nonce_on_the_import_map()
    {
        var client = _portal.CreateClient();

        var first = await client.GetAsync("/account/login", Ct);
        var second = await client.GetAsync("/account/login", Ct);

        var nonce = Nonce(first);

        // The page writes the nonce HTML-encoded (a '+' as &#x2B;), which the browser decodes before comparing it with the header's.
        Assert.Contains($"<script type=\"importmap\" nonce=\"{HtmlEncoder.Default.Encode(nonce)}\"", await first.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(nonce, Nonce(second));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login", Ct);

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(form),
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.Password,
        }), Ct);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ainative.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Nonce(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

    private async Task<string> SignInPageAsync(string email, string password)
    {
        var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login", Ct);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
