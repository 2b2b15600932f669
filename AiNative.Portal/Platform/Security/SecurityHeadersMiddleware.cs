using AiNative.Portal.Accounts.SingleSignOn;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Platform.Security;

/// <summary>Sets the Content-Security-Policy and the other security headers on every response, errors and files included.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<OpenIdConnectSettings> singleSignOn)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Signing in through the identity provider redirects a form post to it, which form-action governs.
        var formTargets = singleSignOn.Value.AuthorityOrigin is { } origin ? [origin] : Array.Empty<string>();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.For(context, formTargets);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
