using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace AiNative.Portal.Accounts.SingleSignOn;

public static class SingleSignOnRegistration
{
    /// <summary>Adds the OpenID Connect scheme when configuration asks for it; nothing otherwise.</summary>
    public static AuthenticationBuilder AddPortalSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenIdConnectSettings.Section);
        authentication.Services.Configure<OpenIdConnectSettings>(section);
        var settings = section.Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        if (!settings.IsConfigured)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(OpenIdConnectSettings.Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.CallbackPath = settings.CallbackPath;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;

            // The portal keeps its own session: the provider's identity only finds the local account.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;

            // Keep the provider's claim names ("email", "groups"), so TeamsClaim means what the provider says.
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }.Concat(settings.Scopes))
            {
                options.Scope.Add(scope);
            }

            if (!string.IsNullOrWhiteSpace(settings.TeamsClaim))
            {
                options.ClaimActions.MapJsonKey(settings.TeamsClaim, settings.TeamsClaim);
            }
        });
    }
}
