using System.Net;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Accounts;

public sealed class UnattendedSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_from_configuration_can_sign_in_at_once_and_setup_is_closed()
    {
        using var portal = new PortalFactory()
            .WithSetting("Portal:Setup:AdministratorEmail", "ops@example.com")
            .WithSetting("Portal:Setup:AdministratorPassword", "an unattended password")
            .WithSetting("Portal:Setup:AdministratorName", "Ops");

        var admin = await portal.SignInAsync("ops@example.com", "an unattended password");
        var session = await admin.GetStringAsync("/api/session", Ct);
        var setup = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/setup", Ct);

        Assert.Contains("\"isAdministrator\":true", session);
        Assert.Contains("Demo team", session);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.EndsWith("/account/login", setup.Headers.Location?.OriginalString);
    }
}
