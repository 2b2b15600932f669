namespace AiNative.Portal.Client.Contracts.Gateway;

public sealed record SaveGatewayRouteRequest(
    string Name,
    IReadOnlyList<RouteTargetDto> Targets,
    IReadOnlyList<Guid>? Fallbacks = null,
    int TimeoutSeconds = 60,
    int RetriesPerTarget = 1,
    int CacheSeconds = 0,
    RouteGuardDto Guard = RouteGuardDto.None,
    string? JsonSchema = null);
