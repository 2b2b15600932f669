using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Teams.SingleSignOn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Accounts.SingleSignOn;

/// <summary>
/// Sign-in through the OpenID Connect provider: the login page's button posts here, the provider
/// sends the person back to the callback, which signs in the local account.
/// </summary>
public static class ExternalLoginEndpoints
{
    public static IEndpointRouteBuilder MapExternalLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountRoutes.ExternalLogin, ChallengeAsync).RequireRateLimiting(SignInRateLimit.Policy).ExcludeFromDescription();
        endpoints.MapGet(AccountRoutes.ExternalCallback, CallbackAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ChallengeAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SignInManager<PortalUser> signIn,
        IOptions<OpenIdConnectSettings> settings)
    {
        if (!settings.Value.IsConfigured)
        {
            return TypedResults.NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.LocalRedirect($"~{AccountRoutes.Login}?sso={ExternalLoginError.Expired}");
        }

        var returnUrl = AccountRoutes.SafeReturnUrl(context.Request.Form["returnUrl"]);
        var callback = $"{AccountRoutes.ExternalCallback}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSettings.Scheme, callback);
        return TypedResults.Challenge(properties, [OpenIdConnectSettings.Scheme]);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context,
        string? returnUrl,
        SignInManager<PortalUser> signIn,
        ExternalAccounts accounts,
        IOptions<OpenIdConnectSettings> settings)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return TypedResults.LocalRedirect($"~{AccountRoutes.Login}?sso={ExternalLoginError.Failed}");
        }

        PortalUser user;
        try
        {
            user = await accounts.SignInAsync(ExternalIdentityReader.Read(info, settings.Value), context.RequestAborted);
        }
        catch (PortalException e)
        {
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            return TypedResults.LocalRedirect($"~{AccountRoutes.Login}?sso={ExternalLoginError.For(e)}");
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: info.LoginProvider);
        return TypedResults.LocalRedirect($"~{AccountRoutes.SafeReturnUrl(returnUrl)}");
    }
}
