using AiNative.Portal.Accounts;
using AiNative.Portal.Client.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Platform.Security;

/// <summary>
/// Cross-site request forgery defence for the JSON API: a change made with the sign-in cookie must
/// carry the <c>X-AiNative-Client</c> header. Another site cannot add a custom header to a request
/// without a CORS preflight, which the portal never grants. Requests with an access token carry no
/// ambient credential and need no header.
/// </summary>
internal sealed class ApiCsrfMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var needsHeader = request.Path.StartsWithSegments(ApiRoutes.Root)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.User.Identity?.IsAuthenticated == true
            && !context.User.IsAccessTokenCaller();
        if (!needsHeader || request.Headers.ContainsKey(PortalApiClient.ClientHeader))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = $"The {PortalApiClient.ClientHeader} header is missing",
                Detail = $"Changes made with the sign-in cookie must send the {PortalApiClient.ClientHeader} header, so that other sites cannot make them. Scripts should send a personal access token instead.",
            },
        });
    }
}
