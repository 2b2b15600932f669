namespace AiNative.Services.Gateway.Calls;

/// <summary>The metadata a gateway request's trace carries: what the prediction log shows and filters by.</summary>
public static class GatewayMetadata
{
    public const string Key = "gateway.key";

    public const string Route = "gateway.route";

    public const string Target = "gateway.target";

    public const string Attempts = "gateway.attempts";

    public const string Cache = "gateway.cache";

    public const string SavedUsd = "gateway.saved_usd";

    public const string Failures = "gateway.failures";
}
