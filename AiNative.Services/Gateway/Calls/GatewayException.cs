using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// A gateway request refused or failed, with what OpenAI's error body carries (<c>type</c>, <c>code</c>, the
/// offending <c>param</c>), so the official SDKs raise their usual errors.
/// </summary>
public sealed class GatewayException(int status, string type, string? code, string message, string? param = null) : PortalException(message)
{
    public override int StatusCode { get; } = status;

    public override string Title => Type;

    public string Type { get; } = type;

    public string? Code { get; } = code;

    public string? Param { get; } = param;

    /// <summary>How long to wait before trying again, for limits and budgets.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Every model tried, for a request on which all failed.</summary>
    public IReadOnlyList<GatewayAttempt> Attempts { get; init; } = [];

    public static GatewayException InvalidRequest(string param, string message) => new(400, "invalid_request_error", null, message, param);

    public static GatewayException Forbidden(string message) => new(403, "permission_error", "model_not_allowed", message, "model");

    public static GatewayException ModelNotFound(string model) => new(404, "invalid_request_error", "model_not_found",
        $"The model '{model}' does not exist or you do not have access to it. GET /v1/models lists what this key may call.", "model");
}
