using AiNative.Portal.Accounts;
using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Gateway;

/// <summary>The team's gateway keys and routes: <c>/api/teams/{teamId}/gateway/…</c>.</summary>
public static class GatewayManagementEndpoints
{
    private const string Tag = "Gateway";

    public static IEndpointRouteBuilder MapGatewayManagementApi(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapTeamGroup("gateway/keys", Tag);
        keys.MapGet("", ListKeysAsync).WithName("ListGatewayKeys").WithSummary("The team's gateway keys, with their limits but never their secrets");

        // As with personal tokens, a token must not mint keys: a leaked one could otherwise outlive its own revocation.
        keys.MapPost("", CreateKeyAsync).WithName("CreateGatewayKey").WithSummary("Create a gateway key (owners, signed in); its secret is returned this once")
            .RequireTeamRole(TeamRole.Owner).RequireAuthorization(PortalPolicies.BrowserSession);
        keys.MapDelete("{keyId:guid}", RevokeKeyAsync).WithName("RevokeGatewayKey").WithSummary("Revoke a gateway key; it is refused from the next request")
            .RequireTeamRole(TeamRole.Owner);

        var limits = endpoints.MapTeamGroup("gateway/limits", Tag);
        limits.MapGet("", GetTeamLimitsAsync).WithName("GetGatewayTeamLimits").WithSummary("Requests and tokens per minute all of the team's keys may send together");
        limits.MapPut("", SetTeamLimitsAsync).WithName("SetGatewayTeamLimits")
            .WithSummary("Set the team-wide limits (owners); null for no limit. They count from the next request").RequireTeamRole(TeamRole.Owner);

        var routes = endpoints.MapTeamGroup("gateway/routes", Tag);
        routes.MapGet("", ListRoutesAsync).WithName("ListGatewayRoutes").WithSummary("The team's routes: names applications send as model");
        routes.MapGet("{routeId:guid}", GetRouteAsync).WithName("GetGatewayRoute").WithSummary("One route with its targets, fallbacks and settings");
        routes.MapPost("", CreateRouteAsync).WithName("CreateGatewayRoute").WithSummary("Create a route; it answers from the next request");
        routes.MapPut("{routeId:guid}", UpdateRouteAsync).WithName("UpdateGatewayRoute").WithSummary("Change a route; the next request follows the change");
        routes.MapDelete("{routeId:guid}", DeleteRouteAsync).WithName("DeleteGatewayRoute").WithSummary("Delete a route");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<GatewayKeyDto>>> ListKeysAsync(IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.ListKeysAsync(cancellationToken));

    private static async Task<Ok<CreatedGatewayKeyDto>> CreateKeyAsync(CreateGatewayKeyRequest request, IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.CreateKeyAsync(request, cancellationToken));

    private static async Task<NoContent> RevokeKeyAsync(Guid keyId, IGatewayApi api, CancellationToken cancellationToken)
    {
        await api.RevokeKeyAsync(keyId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<GatewayTeamLimitsDto>> GetTeamLimitsAsync(IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.GetTeamLimitsAsync(cancellationToken));

    private static async Task<Ok<GatewayTeamLimitsDto>> SetTeamLimitsAsync(GatewayTeamLimitsDto limits, IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.SetTeamLimitsAsync(limits, cancellationToken));

    private static async Task<Ok<IReadOnlyList<GatewayRouteDto>>> ListRoutesAsync(IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.ListRoutesAsync(cancellationToken));

    private static async Task<Ok<GatewayRouteDto>> GetRouteAsync(Guid routeId, IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.GetRouteAsync(routeId, cancellationToken));

    private static async Task<Created<GatewayRouteDto>> CreateRouteAsync(Guid teamId, SaveGatewayRouteRequest request, IGatewayApi api, CancellationToken cancellationToken)
    {
        var route = await api.CreateRouteAsync(request, cancellationToken);
        return TypedResults.Created($"{ApiRoutes.Root}/teams/{teamId}/gateway/routes/{route.Id}", route);
    }

    private static async Task<Ok<GatewayRouteDto>> UpdateRouteAsync(Guid routeId, SaveGatewayRouteRequest request, IGatewayApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.UpdateRouteAsync(routeId, request, cancellationToken));

    private static async Task<NoContent> DeleteRouteAsync(Guid routeId, IGatewayApi api, CancellationToken cancellationToken)
    {
        await api.DeleteRouteAsync(routeId, cancellationToken);
        return TypedResults.NoContent();
    }
}
