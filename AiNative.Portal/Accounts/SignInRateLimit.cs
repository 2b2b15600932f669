using System.Threading.RateLimiting;
using AiNative.Services.Platform.RateLimits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Limits sign-in attempts per client address: form posts over the limit are answered 429 with a
/// page that says when to try again. Reading the forms is never limited. The attempts are counted in
/// the database (<see cref="SharedRateCounter"/>), so the limit holds across replicas.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section)
            .Validate(
                o => o.PermitLimit > 0 && o.Window >= SharedRateCounter.ShortestWindow,
                $"{SignInLimitOptions.Section} needs a PermitLimit above 0 and a Window of at least one millisecond.");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, Partition);
            options.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }

        // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (README).
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
        var counter = context.RequestServices.GetRequiredService<SharedRateCounter>();
        var logger = context.RequestServices.GetRequiredService<ILogger<SharedWindowRateLimiter>>();
        return RateLimitPartition.Get(address, key => new SharedWindowRateLimiter(counter, $"sign-in/{key}", limit.PermitLimit, limit.Window, logger));
    }

    private static async ValueTask RejectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var window = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.Window;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Message = "Too many sign-in attempts from your network address. Wait a minute, then try again.";
        if (context.Request.HasFormContentType)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8" /><title>Too many attempts · AiNative Portal</title><link rel="stylesheet" href="/app.css" /></head>
                <body><div class="account-page"><main class="account-card" id="main"><div class="account-brand">AiNative Portal</div>
                <h1>Too many attempts</h1><div class="account-error" role="alert">{Message}</div>
                <p><a href="{AccountRoutes.Login}">Back to sign in</a></p></main></div></body></html>
                """,
                cancellationToken);
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts", Detail = Message },
        });
    }
}
