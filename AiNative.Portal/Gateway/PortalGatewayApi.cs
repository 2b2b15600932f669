using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Portal.Platform;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Limits;
using AiNative.Services.Gateway.Routes;

namespace AiNative.Portal.Gateway;

internal sealed class PortalGatewayApi(GatewayKeys keys, GatewayRoutes routes, GatewayTeamSettings settings) : IGatewayApi
{
    public async Task<GatewayTeamLimitsDto> GetTeamLimitsAsync(CancellationToken cancellationToken = default)
    {
        var limits = await ServerApi.CallAsync(() => settings.GetLimitsAsync(cancellationToken));
        return new GatewayTeamLimitsDto(limits.RequestsPerMinute, limits.TokensPerMinute);
    }

    public async Task<GatewayTeamLimitsDto> SetTeamLimitsAsync(GatewayTeamLimitsDto limits, CancellationToken cancellationToken = default)
    {
        await ServerApi.CallAsync(() => settings.SetLimitsAsync(new GatewayTeamLimits(limits.RequestsPerMinute, limits.TokensPerMinute), cancellationToken));
        return limits;
    }

    public async Task<IReadOnlyList<GatewayKeyDto>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        [.. (await ServerApi.CallAsync(() => keys.ListAsync(cancellationToken))).Select(ToDto)];

    public async Task<CreatedGatewayKeyDto> CreateKeyAsync(CreateGatewayKeyRequest request, CancellationToken cancellationToken = default)
    {
        var created = await ServerApi.CallAsync(() => keys.CreateAsync(new GatewayKeyInput
        {
            Name = request.Name ?? string.Empty,
            AllowedModels = request.AllowedModels ?? [],
            RequestsPerMinute = request.RequestsPerMinute,
            TokensPerMinute = request.TokensPerMinute,
            DailyBudget = request.DailyBudget,
            MonthlyBudget = request.MonthlyBudget,
            LifetimeDays = request.LifetimeDays,
        }, cancellationToken));
        return new CreatedGatewayKeyDto(ToDto(created.Key), created.Secret);
    }

    public Task RevokeKeyAsync(Guid keyId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => keys.RevokeAsync(keyId, cancellationToken));

    public async Task<IReadOnlyList<GatewayRouteDto>> ListRoutesAsync(CancellationToken cancellationToken = default) =>
        [.. (await ServerApi.CallAsync(() => routes.ListAsync(cancellationToken))).Select(ToDto)];

    public async Task<GatewayRouteDto> GetRouteAsync(Guid routeId, CancellationToken cancellationToken = default) =>
        ToDto(await ServerApi.CallAsync(() => routes.GetAsync(routeId, cancellationToken)));

    public async Task<GatewayRouteDto> CreateRouteAsync(SaveGatewayRouteRequest request, CancellationToken cancellationToken = default) =>
        ToDto(await ServerApi.CallAsync(() => routes.CreateAsync(ToInput(request), cancellationToken)));

    public async Task<GatewayRouteDto> UpdateRouteAsync(Guid routeId, SaveGatewayRouteRequest request, CancellationToken cancellationToken = default) =>
        ToDto(await ServerApi.CallAsync(() => routes.UpdateAsync(routeId, ToInput(request), cancellationToken)));

    public Task DeleteRouteAsync(Guid routeId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => routes.DeleteAsync(routeId, cancellationToken));

    private static GatewayRouteInput ToInput(SaveGatewayRouteRequest request) => new()
    {
        Name = request.Name,
        Targets = [.. (request.Targets ?? []).Select(t => new RouteTarget(t.ModelId, t.Weight, string.IsNullOrWhiteSpace(t.Prompt) ? null : t.Prompt.Trim()))],
        Fallbacks = request.Fallbacks ?? [],
        TimeoutSeconds = request.TimeoutSeconds,
        RetriesPerTarget = request.RetriesPerTarget,
        CacheSeconds = request.CacheSeconds,
        Guard = (RouteGuard)request.Guard,
        JsonSchema = request.JsonSchema,
    };

    private static GatewayKeyDto ToDto(GatewayKeyInfo key) => new(key.Id, key.Name, key.DisplayPrefix, key.AllowedModels, key.RequestsPerMinute,
        key.TokensPerMinute, key.DailyBudget, key.MonthlyBudget, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt);

    private static GatewayRouteDto ToDto(GatewayRoute route) => new(route.Id, route.Name,
        [.. route.Targets.Select(t => new RouteTargetDto(t.ModelId, t.Weight, t.Prompt))], route.Fallbacks, route.TimeoutSeconds, route.RetriesPerTarget,
        route.CacheSeconds, (RouteGuardDto)route.Guard, route.JsonSchema, route.UpdatedAt);
}
