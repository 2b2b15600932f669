namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>The team's gateway keys and team-wide limits (owners) and routes (editors).</summary>
public interface IGatewayApi
{
    Task<IReadOnlyList<GatewayKeyDto>> ListKeysAsync(CancellationToken cancellationToken = default);

    Task<CreatedGatewayKeyDto> CreateKeyAsync(CreateGatewayKeyRequest request, CancellationToken cancellationToken = default);

    Task RevokeKeyAsync(Guid keyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GatewayRouteDto>> ListRoutesAsync(CancellationToken cancellationToken = default);

    Task<GatewayRouteDto> GetRouteAsync(Guid routeId, CancellationToken cancellationToken = default);

    Task<GatewayRouteDto> CreateRouteAsync(SaveGatewayRouteRequest request, CancellationToken cancellationToken = default);

    Task<GatewayRouteDto> UpdateRouteAsync(Guid routeId, SaveGatewayRouteRequest request, CancellationToken cancellationToken = default);

    Task DeleteRouteAsync(Guid routeId, CancellationToken cancellationToken = default);

    Task<GatewayTeamLimitsDto> GetTeamLimitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Owners: the per-minute limits all of the team's keys share; they count from the next request.</summary>
    Task<GatewayTeamLimitsDto> SetTeamLimitsAsync(GatewayTeamLimitsDto limits, CancellationToken cancellationToken = default);
}
