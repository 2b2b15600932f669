using AiNative.Portal.Client.Contracts;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Platform;

/// <summary>
/// Answers a failed API call with problem details: the service's own words for failures the caller
/// can act on, a trace id for anything else. Pages have their own error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware may already have pointed the request at the error page: ask for the original path.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (!path.StartsWithSegments(ApiRoutes.Root))
        {
            return false;
        }

        var problem = exception switch
        {
            ApiException api => api.Problem,
            PortalException portal => portal.ToProblem(),
            BadHttpRequestException bad => new ApiProblem(bad.StatusCode, "The request is not valid", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => new ApiProblem(500, "Something went wrong on the server",
                $"The error is logged with trace id {httpContext.TraceIdentifier}. Try again; if it keeps failing, tell an administrator."),
        };
        if (problem is null)
        {
            return true;
        }

        httpContext.Response.StatusCode = problem.Status;
        var details = problem.Errors is { Count: > 0 } errors
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
