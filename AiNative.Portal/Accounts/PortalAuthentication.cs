using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace AiNative.Portal.Accounts;

/// <summary>
/// The portal's authentication schemes: requests with a bearer token are judged by the access-token
/// handler alone; every other request by the sign-in cookie.
/// </summary>
public static class PortalAuthentication
{
    /// <summary>The default scheme, which forwards to the cookie or the access-token scheme.</summary>
    public const string Scheme = "Portal";

    public const string AccessTokenScheme = "AccessToken";

    public const string AccessTokenIdClaim = "ainative:access_token_id";

    private const string BearerPrefix = "Bearer ";

    public static bool TryReadBearer(HttpRequest request, [NotNullWhen(true)] out string? token)
    {
        var header = request.Headers.Authorization.ToString();
        token = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
        return token is not null;
    }

    /// <summary>True when the caller was authenticated by a personal access token rather than a browser session.</summary>
    public static bool IsAccessTokenCaller(this ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: AccessTokenScheme };
}
