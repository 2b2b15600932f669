using AiNative.Portal.Platform;
using AiNative.Services.Teams;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Until the first administrator exists, every page leads to the setup page and the API answers
/// 503; static files and the health check stay reachable.
/// </summary>
internal sealed class SetupGateMiddleware(RequestDelegate next, SetupState setup)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (await setup.IsCompleteAsync(context.RequestAborted) || IsAllowedDuringSetup(path))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments(ApiRoutes.Root))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The portal is not set up yet",
                detail: "Open the portal in a browser to create the first administrator.").ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(AccountRoutes.Setup);
    }

    private static bool IsAllowedDuringSetup(PathString path) =>
        path.StartsWithSegments(AccountRoutes.Setup)
        || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || Path.HasExtension(path.Value);
}
