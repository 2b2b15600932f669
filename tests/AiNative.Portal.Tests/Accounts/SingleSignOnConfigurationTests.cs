using System.Net;
using AiNative.Portal.Accounts.SingleSignOn;
using AiNative.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Tests.Accounts;

public sealed class SingleSignOnConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Configuration_alone_switches_single_sign_on_on_with_its_button_and_form_target()
    {
        using var portal = new PortalFactory()
            .WithSetting("Portal:Authentication:OpenIdConnect:Authority", "https://idp.example.com/realms/acme")
            .WithSetting("Portal:Authentication:OpenIdConnect:ClientId", "ainative-portal")
            .WithSetting("Portal:Authentication:OpenIdConnect:ClientSecret", "not used here")
            .WithSetting("Portal:Authentication:OpenIdConnect:DisplayName", "Keycloak")
            .WithSetting("Portal:Authentication:OpenIdConnect:TeamsClaim", "groups");
        await portal.CreateAdministratorAsync();

        var scheme = await portal.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectSettings.Scheme);
        var options = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectSettings.Scheme);
        var login = await portal.CreateClient().GetAsync("/account/login", Ct);

        Assert.Equal("Keycloak", scheme?.DisplayName);
        Assert.Equal(("ainative-portal", "code", false), (options.ClientId, options.ResponseType, options.MapInboundClaims));
        Assert.Contains("openid", options.Scope);
        Assert.Contains("Sign in with Keycloak", await login.Content.ReadAsStringAsync(Ct));
        Assert.Contains("form-action 'self' https://idp.example.com", login.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Without_configuration_there_is_no_single_sign_on()
    {
        using var portal = new PortalFactory();
        await portal.CreateAdministratorAsync();
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var scheme = await portal.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectSettings.Scheme);
        var login = await client.GetStringAsync("/account/login", Ct);
        var challenge = await client.PostAsync("/account/external-login", new FormUrlEncodedContent([]), Ct);

        Assert.Null(scheme);
        Assert.DoesNotContain("Sign in with", login);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task A_failed_sign_on_shows_the_pages_own_words_not_the_addresss()
    {
        using var portal = new PortalFactory();
        await portal.CreateAdministratorAsync();

        var page = await portal.CreateClient().GetStringAsync("/account/login?sso=locked", Ct);
        var crafted = await portal.CreateClient().GetStringAsync("/account/login?sso=Call+0800+to+recover+your+account", Ct);

        Assert.Contains("This account is locked. Ask an administrator to unlock it.", page);
        Assert.DoesNotContain("role=\"alert\"", crafted);
    }
}
