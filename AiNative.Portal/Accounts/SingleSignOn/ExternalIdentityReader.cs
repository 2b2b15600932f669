using System.Security.Claims;
using AiNative.Services.Teams.SingleSignOn;
using Microsoft.AspNetCore.Identity;

namespace AiNative.Portal.Accounts.SingleSignOn;

/// <summary>Reads what the portal needs from the provider's claims (raw OpenID Connect names, see <see cref="SingleSignOnRegistration"/>).</summary>
public static class ExternalIdentityReader
{
    public static ExternalIdentity Read(ExternalLoginInfo info, OpenIdConnectSettings settings)
    {
        var principal = info.Principal;
        // Some providers send the address only as the preferred user name; a user name without @ is no address.
        var email = First(principal, "email", ClaimTypes.Email)
            ?? (principal.FindFirstValue("preferred_username") is { } name && name.Contains('@', StringComparison.Ordinal) ? name : null);
        var verified = principal.FindFirstValue("email_verified") is { } claim
            ? string.Equals(claim, "true", StringComparison.OrdinalIgnoreCase)
            : settings.TrustEmails;
        var teams = string.IsNullOrWhiteSpace(settings.TeamsClaim)
            ? null
            : principal.FindAll(settings.TeamsClaim).Select(c => c.Value).ToList();
        return new ExternalIdentity(
            info.LoginProvider,
            settings.DisplayName,
            info.ProviderKey,
            email,
            verified,
            First(principal, "name", ClaimTypes.Name),
            teams);
    }

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
