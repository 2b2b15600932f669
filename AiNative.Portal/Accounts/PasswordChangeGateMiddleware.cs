using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Accounts;

/// <summary>
/// While an account still has its one-time password, every page leads to the change-password page
/// and the API answers 403: the only thing the holder may do is choose a password of their own.
/// </summary>
internal sealed class PasswordChangeGateMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!context.User.HasClaim(c => c.Type == PortalClaimTypes.MustChangePassword) || IsAllowed(path))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments(ApiRoutes.Root))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Change your password first",
                    Detail = "Your account still has a one-time password. Sign in to the portal in a browser and choose a new password; the API opens afterwards.",
                },
            });
            return;
        }

        var returnUrl = AccountRoutes.SafeReturnUrl(path + context.Request.QueryString);
        context.Response.Redirect($"{AccountRoutes.ChangePassword}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(AccountRoutes.ChangePassword)
        || path.StartsWithSegments(AccountRoutes.Logout)
        || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || Path.HasExtension(path.Value);
}
