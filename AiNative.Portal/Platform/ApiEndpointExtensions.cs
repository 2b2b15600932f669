using AiNative.Portal.Accounts;
using AiNative.Services.Teams;

namespace AiNative.Portal.Platform;

public static class ApiEndpointExtensions
{
    /// <summary>The group for one feature's team-scoped endpoints: <c>/api/teams/{teamId}/{prefix}</c>.</summary>
    public static RouteGroupBuilder MapTeamGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup($"{ApiRoutes.Team}/{prefix}")
            .RequireAuthorization()
            .WithMetadata(TeamScopedEndpoint.Instance)
            .WithTags(tag);

    /// <summary>The group for administrators' endpoints: <c>/api/admin/{prefix}</c>; others are answered 403.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup($"{ApiRoutes.Admin}/{prefix}")
            .RequireAuthorization(PortalPolicies.Administrator)
            .WithTags(tag);

    /// <summary>Declares the least team role the endpoint needs (see <see cref="TeamRoleRequirement"/>).</summary>
    public static TBuilder RequireTeamRole<TBuilder>(this TBuilder builder, TeamRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TeamRoleRequirement(role));
}
