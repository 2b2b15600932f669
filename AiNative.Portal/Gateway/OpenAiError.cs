using System.Text.Json;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Gateway;

/// <summary>Writes failures in OpenAI's error shape (<c>{"error": {message, type, param, code}}</c>), which the official SDKs raise as their own errors.</summary>
internal static class OpenAiError
{
    public static GatewayException From(Exception exception, string traceIdentifier) => exception switch
    {
        GatewayException gateway => gateway,
        ValidationFailedException invalid => new GatewayException(400, "invalid_request_error", null, invalid.Message, invalid.Errors.Keys.FirstOrDefault()),
        NotFoundException missing => new GatewayException(404, "invalid_request_error", "not_found", missing.Message),
        ForbiddenException forbidden => new GatewayException(403, "permission_error", null, forbidden.Message),
        PortalException portal => new GatewayException(portal.StatusCode, portal.StatusCode >= 500 ? "api_error" : "invalid_request_error", null, portal.Message),
        BadHttpRequestException bad => new GatewayException(bad.StatusCode, "invalid_request_error", null, bad.Message),
        _ => new GatewayException(500, "server_error", null, $"The gateway failed unexpectedly. The error is logged with trace id {traceIdentifier}."),
    };

    public static async Task WriteAsync(HttpContext http, GatewayException error)
    {
        http.Response.StatusCode = error.StatusCode;
        if (error.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (error.Attempts.Count > 0)
        {
            http.Response.Headers[GatewayHeaders.Attempts] = error.Attempts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonAnswer.WriteAsync(http.Response, json => Write(json, error), http.RequestAborted);
    }

    /// <summary>The error object alone, as a stream's last event carries it too.</summary>
    public static void Write(Utf8JsonWriter json, GatewayException error)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", error.Message);
        json.WriteString("type", error.Type);
        json.WriteString("param", error.Param);
        json.WriteString("code", error.Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
