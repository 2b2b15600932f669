using AiNative.Services.Teams;

namespace AiNative.Portal.Platform;

/// <summary>
/// Admits a call to a team-scoped endpoint (<c>/api/teams/{teamId}/…</c>) only for members of that
/// team with the role the endpoint needs, and enters the team for the services. A team the caller
/// is not in answers 404. It runs before the endpoint binds its parameters, so a non-member learns
/// nothing from how the request is shaped.
/// </summary>
internal sealed class TeamAccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<TeamScopedEndpoint>() is null)
        {
            await next(http);
            return;
        }

        // Resolved here, not as parameters: every other request (pages, files, the gateway) would build them for nothing.
        var resolver = http.RequestServices.GetRequiredService<TeamAccessResolver>();
        var team = http.RequestServices.GetRequiredService<TeamContext>();

        var userId = http.User.GetUserId() ?? throw PortalProblems.Unauthenticated();
        if (!Guid.TryParse(http.GetRouteValue("teamId") as string, out var teamId))
        {
            throw PortalProblems.TeamNotFound();
        }

        var access = await resolver.ResolveAsync(userId, teamId, http.RequestAborted) ?? throw PortalProblems.TeamNotFound();
        team.Enter(access);
        team.Require(TeamRoleRequirement.For(endpoint, http.Request.Method));
        await next(http);
    }
}
