using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Accounts;

public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string NewPassword = "a brand new passphrase";

    // Sessions are checked against the security stamp on every request, so an ended session shows at once.
    private readonly PortalFactory _portal = new PortalFactory()
        .WithServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));

    public async ValueTask InitializeAsync() => await _portal.CreateAdministratorAsync();

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Until_the_one_time_password_is_changed_pages_lead_to_the_change_and_the_api_answers_403()
    {
        var issued = await CreateAccountAsync();
        var user = await _portal.SignInAsync("val@example.com", issued.OneTimePassword);

        var api = await user.GetAsync("/api/session", Ct);
        var page = await user.GetAsync("/team/members", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Change your password first", await api.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/change-password?returnUrl=%2Fteam%2Fmembers", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task After_the_change_the_portal_opens_and_only_the_new_password_signs_in()
    {
        var issued = await CreateAccountAsync();
        var user = await _portal.SignInAsync("val@example.com", issued.OneTimePassword);

        var change = await ChangePasswordAsync(user, issued.OneTimePassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/session", Ct)).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync("val@example.com", issued.OneTimePassword));
        Assert.Equal(HttpStatusCode.OK, (await (await _portal.SignInAsync("val@example.com", NewPassword)).GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions()
    {
        var here = await _portal.SignInAsync();
        var elsewhere = await _portal.SignInAsync();

        await ChangePasswordAsync(here, PortalFactory.Password, NewPassword);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_says_so()
    {
        var user = await _portal.SignInAsync();

        var change = await ChangePasswordAsync(user, "not my password", NewPassword);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("The current password is wrong.", await change.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await (await _portal.SignInAsync()).GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_change_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var user = await _portal.SignInAsync();

        var response = await user.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = PortalFactory.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        await _portal.SignInAsync();
    }

    private async Task<OneTimePasswordDto> CreateAccountAsync()
    {
        var admin = await _portal.SignInAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest("Val Viewer", "val@example.com"), PortalJson.Options, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OneTimePasswordDto>(PortalJson.Options, Ct))!;
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var form = await client.GetStringAsync("/account/change-password", Ct);
        return await client.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(form),
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }), Ct);
    }
}
