namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>A route: the name applications send as <c>model</c>, its weighted targets, its fallbacks in order and its settings.</summary>
public sealed record GatewayRouteDto(
    Guid Id,
    string Name,
    IReadOnlyList<RouteTargetDto> Targets,
    IReadOnlyList<Guid> Fallbacks,
    int TimeoutSeconds,
    int RetriesPerTarget,
    int CacheSeconds,
    RouteGuardDto Guard,
    string? JsonSchema,
    DateTimeOffset UpdatedAt);
