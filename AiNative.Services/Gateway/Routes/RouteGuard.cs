namespace AiNative.Services.Gateway.Routes;

/// <summary>What a route demands of an answer before it passes it on; an answer that fails is retried on the next target.</summary>
public enum RouteGuard
{
    None = 0,

    /// <summary>The answer must be valid JSON.</summary>
    Json = 1,

    /// <summary>The answer must be JSON that matches the route's schema.</summary>
    JsonSchema = 2,
}
