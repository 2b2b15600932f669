using System.Security.Cryptography;

namespace AiNative.Portal.Platform.Security;

/// <summary>
/// The Content-Security-Policy of every response. Scripts come from the portal itself, or inline
/// with this response's nonce (the import map, the API reference's start-up script); WebAssembly
/// may compile; styles may be inline because MudBlazor sets style attributes; the Blazor circuit
/// connects over a WebSocket to the same host.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceKey = "ainative.csp-nonce";

    /// <summary>The nonce inline scripts of this response must carry.</summary>
    public static string NonceOf(HttpContext context) =>
        context.Items.TryGetValue(NonceKey, out var nonce) && nonce is string value ? value : Assign(context);

    public static string For(HttpContext context, IEnumerable<string> formTargets)
    {
        var forms = string.Join(' ', formTargets.Prepend("'self'"));
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{NonceOf(context)}' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            ConnectSources(context.Request.Host),
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            $"form-action {forms}");
    }

    /// <summary>
    /// The circuit's WebSocket on this host, named explicitly for browsers that do not count ws: as 'self';
    /// a host header with anything but host characters (it is the client's to send) gets 'self' alone.
    /// </summary>
    private static string ConnectSources(HostString host) =>
        host.HasValue && host.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']')
            ? $"connect-src 'self' ws://{host.Value} wss://{host.Value}"
            : "connect-src 'self'";

    private static string Assign(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }
}
