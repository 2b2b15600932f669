using AiNative.Services.Data;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>
/// The teams a user belongs to, and which of them the portal opens in. Every request's session and
/// administrator check asks this, so answers come through the <see cref="AccessCache"/>.
/// </summary>
public sealed class UserTeams(IDbContextFactory<PortalDbContext> dbFactory, AccessCache cache)
{
    public async Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync(("user", userId), async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? u.UserName ?? string.Empty, u.IsAdministrator, u.MustChangePassword))
                .SingleOrDefaultAsync(ct);
        }, cancellationToken);

    public async Task<IReadOnlyList<Membership>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync<IReadOnlyList<Membership>>(("memberships", userId), async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var memberships = await db.TeamMemberships.AsNoTracking()
                .Where(m => m.UserId == userId)
                .OrderBy(m => m.Team.Name)
                .Select(m => new Membership(m.TeamId, m.Team.Name, m.Team.Slug, m.Role))
                .ToListAsync(ct);
            return memberships.AsReadOnly();
        }, cancellationToken) ?? [];

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

        // A bulk update bypasses the change tracker, so the cached current team is forgotten here.
        cache.Invalidate();
    }
}
