namespace AiNative.Services.Gateway.Routes;

/// <summary>A route as an editor saves it.</summary>
public sealed record GatewayRouteInput
{
    public string? Name { get; init; }

    public IReadOnlyList<RouteTarget> Targets { get; init; } = [];

    public IReadOnlyList<Guid> Fallbacks { get; init; } = [];

    public int TimeoutSeconds { get; init; } = GatewayRoutes.DefaultTimeoutSeconds;

    public int RetriesPerTarget { get; init; } = 1;

    public int CacheSeconds { get; init; }

    public RouteGuard Guard { get; init; }

    public string? JsonSchema { get; init; }
}
