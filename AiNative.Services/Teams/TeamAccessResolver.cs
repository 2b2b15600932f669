using AiNative.Services.Data;
using AiNative.Services.Platform.Caching;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>
/// Finds which team a signed-in user works in and with what role. Every team-scoped request asks
/// this, so answers come through the <see cref="AccessCache"/>: a removed or demoted member loses
/// the access at once in this process, and within a second in another.
/// </summary>
public sealed class TeamAccessResolver(IDbContextFactory<PortalDbContext> dbFactory, AccessCache cache)
{
    /// <summary>
    /// The user's access to <paramref name="teamId"/>, or to their current team when it is null;
    /// null when they are not a member (callers answer 404 so team ids leak nothing).
    /// </summary>
    public async Task<TeamAccess?> ResolveAsync(Guid userId, Guid? teamId, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync(("team-access", userId, teamId), ct => LoadAsync(userId, teamId, ct), cancellationToken);

    /// <summary>
    /// Whether <paramref name="access"/>, entered some time ago, still holds: the user is still a
    /// member of the team with the same role. A long-lived scope (a Blazor circuit) asks this from
    /// time to time, so a removed or demoted member does not keep the old rights.
    /// </summary>
    public async Task<bool> StillHoldsAsync(TeamAccess access, CancellationToken cancellationToken) =>
        access.Actor.UserId is not { } userId
        || (await ResolveAsync(userId, access.TeamId, cancellationToken))?.Role == access.Role;

    private async Task<TeamAccess?> LoadAsync(Guid userId, Guid? teamId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.CurrentTeamId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var memberships = db.TeamMemberships.AsNoTracking().Where(m => m.UserId == userId);
        var wanted = teamId ?? user.CurrentTeamId;
        var membership = await memberships.Where(m => wanted == null || m.TeamId == wanted)
            .Select(m => new { m.TeamId, m.Team.Name, m.Role })
            .FirstOrDefaultAsync(cancellationToken);
        if (membership is null && teamId is null)
        {
            // The remembered team is gone or the user left it: open the first team they belong to.
            membership = await memberships.OrderBy(m => m.Team.Name)
                .Select(m => new { m.TeamId, m.Team.Name, m.Role })
                .FirstOrDefaultAsync(cancellationToken);
        }

        return membership is null
            ? null
            : new TeamAccess(membership.TeamId, membership.Name, membership.Role, new Actor(userId, user.DisplayName));
    }
}
