namespace AiNative.Portal.Accounts.SingleSignOn;

/// <summary>
/// Single sign-on with an OpenID Connect provider (Entra ID, Keycloak, Okta, …), switched on by
/// setting <see cref="Authority"/> and <see cref="ClientId"/> under <c>Portal:Authentication:OpenIdConnect</c>.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Portal:Authentication:OpenIdConnect";

    /// <summary>The authentication scheme's name; also the login provider recorded for linked accounts.</summary>
    public const string Scheme = "oidc";

    /// <summary>The issuer URL, such as <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://keycloak.example.com/realms/acme</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>
    /// The claim whose values name the user's teams as <c>team-slug:Role</c>, such as <c>groups</c> or
    /// <c>roles</c>. When set, memberships follow the claim at every sign-in; when empty, they are managed in the portal.
    /// </summary>
    public string? TeamsClaim { get; set; }

    /// <summary>Extra scopes to ask for, besides <c>openid profile email</c>.</summary>
    public string[] Scopes { get; set; } = [];

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>
    /// Treat the provider's email as verified when it sends no <c>email_verified</c> claim (Entra ID
    /// work accounts). Only then may a sign-on take over an existing local account with that email.
    /// </summary>
    public bool TrustEmails { get; set; }

    /// <summary>Allow an <c>http://</c> authority: for a provider on the same machine in development only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The authority's origin (scheme, host, port), which the sign-in form may be redirected to.</summary>
    public string? AuthorityOrigin =>
        IsConfigured && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
