using System.Security.Claims;
using System.Text.Encodings.Web;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Accounts.AccessTokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer ainp_…</c> as the token's owner, with the same claims as
/// their sign-in cookie (so the same roles apply). A refused token is answered 401 with a problem
/// that says whether it expired, or is invalid or revoked, and no more.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokens tokens,
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> claims,
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

        var user = check.UserId is { } userId ? await users.FindByIdAsync(userId.ToString()) : null;
        if (check.Status != AccessTokenStatus.Valid || user is null)
        {
            return AuthenticateResult.Fail(InvalidOrRevoked);
        }

        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, Scheme.Name);
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

    private const string InvalidOrRevoked = "The access token is invalid or has been revoked. Check that it was copied whole, or create a new one under Account → Access tokens.";
}
