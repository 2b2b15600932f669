using System.Net;
using System.Net.Http.Json;
using AiNative.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiNative.Portal.Tests.Accounts;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public async ValueTask InitializeAsync() => await _portal.CreateAdministratorAsync();

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Api_calls_without_a_session_answer_401_instead_of_a_redirect()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/session", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pages_without_a_session_redirect_to_sign_in_with_the_return_address()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2F", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_signed_in_visitor_of_the_sign_in_page_goes_straight_back_to_where_they_were()
    {
        var session = await _portal.SignInAsync();

        var response = await session.GetAsync("/account/login?returnUrl=%2Fprompts", TestContext.Current.CancellationToken);
        var offSite = await session.GetAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/prompts", response.Headers.Location?.ToString());
        Assert.Equal("http://localhost/", offSite.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Wrong_passwords_typed_by_someone_else_leave_an_open_session_working()
    {
        var session = await _portal.SignInAsync();
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(password: "not the password"));
        }

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/admin/users", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_words_that_do_not_reveal_the_account()
    {
        var wrongPassword = await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(password: "not the password"));
        var unknownUser = await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(email: "nobody@example.com"));

        Assert.Contains("failed with 200", wrongPassword.Message);
        Assert.Contains("failed with 200", unknownUser.Message);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(password: "not the password"));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync());
    }

    [Fact]
    public async Task Switching_to_a_team_the_user_is_not_in_answers_404()
    {
        var elsewhere = await _portal.CreateTeamAsync("Elsewhere");
        var client = await _portal.SignInAsync();

        var response = await client.PostAsJsonAsync("/api/session/team", new { teamId = elsewhere }, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
