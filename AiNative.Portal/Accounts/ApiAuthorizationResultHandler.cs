using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Answers an API call that is signed in but not allowed with 403 and a problem that says why
/// (the failing requirement's reason). Pages and challenges keep the default behaviour.
/// </summary>
internal sealed class ApiAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !context.Request.Path.StartsWithSegments(ApiRoutes.Root))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = reasons.Count > 0 ? string.Join(" ", reasons) : "Your account does not allow this.",
            },
        });
    }
}
