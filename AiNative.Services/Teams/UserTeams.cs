using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>The teams a user belongs to, and which of them the portal opens in.</summary>
public sealed class UserTeams(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? u.UserName ?? string.Empty, u.IsAdministrator, u.MustChangePassword))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Membership>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TeamMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Team.Name)
            .Select(m => new Membership(m.TeamId, m.Team.Name, m.Team.Slug, m.Role))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Remembers <paramref name="teamId"/> as the user's current team.</summary>
    public async Task SwitchAsync(Guid userId, Guid teamId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.TeamMemberships.AnyAsync(m => m.UserId == userId && m.TeamId == teamId, cancellationToken))
        {
            throw new NotFoundException("Team", teamId);
        }

        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentTeamId, teamId), cancellationToken);
    }
}
