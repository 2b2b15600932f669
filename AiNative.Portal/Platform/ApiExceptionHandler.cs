using AiNative.Portal.Client.Contracts;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Platform;

/// <summary>
/// Answers a failed API call with problem details: the service's own words for failures the caller
/// can act on, a trace id for anything else. Pages have their own error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
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
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => UnreadableJson.Problem(json),
            BadHttpRequestException bad => new ApiProblem(bad.StatusCode, "The request could not be read",
                $"{bad.Message} Check that the body is JSON in the shape the API reference describes."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => Unexpected(httpContext, exception),
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

    // The exception handler middleware does not log what a handler handled, so the promise in the answer is kept here.
    private ApiProblem Unexpected(HttpContext httpContext, Exception exception)
    {
        LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        return new ApiProblem(500, "Something went wrong on the server",
            $"The error is logged with trace id {httpContext.TraceIdentifier}. Try again; if it keeps failing, tell an administrator.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed unexpectedly (trace id {TraceId}).")]
    private partial void LogUnexpected(Exception exception, string method, string path, string traceId);
}
