using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiNative.Portal.Tests.Accounts;

public sealed class FirstStartTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Before_the_first_administrator_exists_pages_lead_to_setup_and_the_api_is_closed()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync("/prompts", TestContext.Current.CancellationToken);
        var api = await client.GetAsync("/api/session", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/setup", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("create the first administrator", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_answers_before_setup()
    {
        var response = await _portal.CreateClient().GetStringAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", response);
    }

    [Fact]
    public async Task The_first_administrator_owns_the_demo_team_and_a_second_setup_is_refused()
    {
        await _portal.CreateAdministratorAsync();
        var client = await _portal.SignInAsync();

        var session = await client.GetFromJsonAsync<SessionDto>("/api/session", PortalJson.Options, TestContext.Current.CancellationToken);

        Assert.NotNull(session);
        Assert.True(session.IsAdministrator);
        Assert.Equal("Demo team", session.CurrentTeam?.Name);
        Assert.Equal(TeamRoleDto.Owner, session.CurrentTeam?.Role);
        var again = await Assert.ThrowsAnyAsync<Exception>(_portal.CreateAdministratorAsync);
        Assert.Contains("already has an administrator", again.Message);
    }
}
