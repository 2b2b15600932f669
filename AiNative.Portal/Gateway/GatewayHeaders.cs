namespace AiNative.Portal.Gateway;

/// <summary>What every gateway response tells about how it was answered.</summary>
internal static class GatewayHeaders
{
    public const string Route = "x-ainative-route";

    public const string Target = "x-ainative-target";

    public const string Attempts = "x-ainative-attempts";

    public const string Cache = "x-ainative-cache";

    public const string TraceId = "x-ainative-trace-id";

    /// <summary>Sent by a client with the value <c>no-cache</c> (as is <c>Cache-Control: no-cache</c>) to skip the response cache.</summary>
    public const string CacheControl = "x-ainative-cache-control";
}
