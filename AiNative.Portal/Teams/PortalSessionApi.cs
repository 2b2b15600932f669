using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;

namespace AiNative.Portal.Teams;

/// <summary>
/// The in-process session: resolves the caller's current team and enters it for this scope, so
/// the pages of a circuit work in that team.
/// </summary>
internal sealed class PortalSessionApi(
    CurrentPrincipal principal,
    UserTeams userTeams,
    TeamAccessResolver resolver,
    TeamContext team) : ISessionApi
{
    public async Task<SessionDto> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await principal.GetUserIdAsync() ?? throw PortalProblems.Unauthenticated();
        var user = await userTeams.FindUserAsync(userId, cancellationToken) ?? throw PortalProblems.Unauthenticated();
        var memberships = await userTeams.ListAsync(userId, cancellationToken);
        var access = team.IsEntered ? team.Access : await resolver.ResolveAsync(userId, null, cancellationToken);
        if (access is not null && !team.IsEntered)
        {
            team.Enter(access);
        }

        var teams = memberships.Select(m => new TeamSummaryDto(m.TeamId, m.TeamName, m.TeamSlug, (TeamRoleDto)m.Role)).ToList();
        return new SessionDto(
            user.Id,
            user.DisplayName,
            user.Email,
            user.IsAdministrator,
            teams.FirstOrDefault(t => t.Id == access?.TeamId),
            teams);
    }

    public async Task SwitchTeamAsync(Guid teamId, CancellationToken cancellationToken = default)
    {
        var userId = await principal.GetUserIdAsync() ?? throw PortalProblems.Unauthenticated();
        await ServerApi.CallAsync(() => userTeams.SwitchAsync(userId, teamId, cancellationToken));
    }
}
