namespace AiNative.Portal.Gateway;

/// <summary>What every gateway response tells about how it was answered.</summary>
internal static class GatewayHeaders
{
    public const string Route = "x-ainative-route";

    /// <summary>The target that answered: a model's name, or a prompt reference such as <c>prompt:support@candidate</c>.</summary>
    public const string Target = "x-ainative-target";

    /// <summary>The number of the prompt version whose messages were sent, when a prompt answered (directly or as a route's target).</summary>
    public const string PromptVersion = "x-ainative-prompt-version";

    public const string Attempts = "x-ainative-attempts";

    public const string Cache = "x-ainative-cache";

    public const string TraceId = "x-ainative-trace-id";

    /// <summary>Sent by a client with the value <c>no-cache</c> (as is <c>Cache-Control: no-cache</c>) to skip the response cache.</summary>
    public const string CacheControl = "x-ainative-cache-control";
}
