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

    /// <summary>
    /// Tokens are for the REST API and its OpenAPI document; pages and the Blazor circuit take only the
    /// sign-in cookie, so a leaked token opens no browser session.
    /// </summary>
    public static bool AcceptsAccessTokens(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>The scheme that judges <paramref name="request"/>: the access-token scheme for API requests with a bearer token, else the cookie.</summary>
    public static string SchemeFor(HttpRequest request) =>
        AcceptsAccessTokens(request.Path) && TryReadBearer(request, out _) ? AccessTokenScheme : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;

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
