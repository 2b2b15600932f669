using System.Security.Claims;
using System.Text.Encodings.Web;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Accounts.AccessTokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer ainp_…</c> as the token's owner, with the same claims as
/// their sign-in cookie (so the same roles apply). A refused token is answered 401 with a problem
/// that says whether it expired, or is invalid or revoked, and no more. The token and the owner's
/// claims come through the <see cref="AccessCache"/>, so most requests read nothing from the database.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokens tokens,
    AccessCache cache,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!PortalAuthentication.TryReadBearer(Request, out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await tokens.CheckAsync(presented, Context.RequestAborted);
        if (check.Status == AccessTokenStatus.Expired)
        {
            return AuthenticateResult.Fail($"The access token expired on {check.ExpiredAt:yyyy-MM-dd}. Create a new one under Account → Access tokens.");
        }

        var claims = check.UserId is { } userId
            ? await cache.GetOrLoadAsync(("token-owner-claims", userId), _ => OwnerClaimsAsync(userId), Context.RequestAborted)
            : null;
        if (check.Status != AccessTokenStatus.Valid || claims is null)
        {
            return AuthenticateResult.Fail(InvalidOrRevoked);
        }

        // The identity copies the claims, so the cached ones are never changed.
        var identity = new ClaimsIdentity(claims, Scheme.Name);
        identity.AddClaim(new Claim(PortalAuthentication.AccessTokenIdClaim, check.TokenId!.Value.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The access token was refused",
                Detail = result.Failure?.Message ?? InvalidOrRevoked,
            },
        });
    }

    /// <summary>The owner's claims, as their sign-in cookie would carry them; null when the account is gone.</summary>
    private async Task<IReadOnlyList<Claim>?> OwnerClaimsAsync(Guid userId)
    {
        // Resolved only when the cache has no copy: a user manager brings a database context with it.
        var users = Context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return [.. principal.Claims];
    }

    private const string InvalidOrRevoked = "The access token is invalid or has been revoked. Check that it was copied whole, or create a new one under Account → Access tokens.";
}
