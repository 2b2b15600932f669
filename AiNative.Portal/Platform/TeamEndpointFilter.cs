using AiNative.Services.Teams;

namespace AiNative.Portal.Platform;

/// <summary>
/// Admits a call to <c>/api/teams/{teamId}/…</c> only for members of that team with the role the
/// endpoint needs, and enters the team for the services. A team the caller is not in answers 404.
/// </summary>
internal sealed class TeamEndpointFilter(TeamAccessResolver resolver, TeamContext team) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var userId = http.User.GetUserId() ?? throw PortalProblems.Unauthenticated();
        if (!Guid.TryParse(http.GetRouteValue("teamId") as string, out var teamId))
        {
            throw PortalProblems.TeamNotFound();
        }

        var access = await resolver.ResolveAsync(userId, teamId, http.RequestAborted) ?? throw PortalProblems.TeamNotFound();
        team.Enter(access);
        team.Require(TeamRoleRequirement.For(http.GetEndpoint(), http.Request.Method));
        return await next(context);
    }
}
