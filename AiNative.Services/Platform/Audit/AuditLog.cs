using AiNative.Services.Data;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Platform.Audit;

/// <summary>
/// Reads the audit trail: a team's entries for its members, and the portal-wide entries (teams,
/// users, access tokens) for administrators. Newest first.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team)
{
    public async Task<AuditPage> ListTeamAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var teamId = team.TeamId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db.AuditEntries.Where(e => e.TeamId == teamId), filter, cancellationToken);
    }

    public async Task<AuditFilterChoices> TeamChoicesAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var teamId = team.TeamId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChoicesAsync(db.AuditEntries.Where(e => e.TeamId == teamId), cancellationToken);
    }

    public async Task<AuditPage> ListPortalAsync(Guid callerId, AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Administrators.RequireAsync(db, callerId, cancellationToken);
        return await PageAsync(db.AuditEntries.Where(e => e.TeamId == null), filter, cancellationToken);
    }

    public async Task<AuditFilterChoices> PortalChoicesAsync(Guid callerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Administrators.RequireAsync(db, callerId, cancellationToken);
        return await ChoicesAsync(db.AuditEntries.Where(e => e.TeamId == null), cancellationToken);
    }

    private static async Task<AuditPage> PageAsync(IQueryable<AuditEntry> entries, AuditFilter filter, CancellationToken cancellationToken)
    {
        entries = entries.AsNoTracking();
        if (filter.ActorId is { } actorId)
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.ObjectKind))
        {
            entries = entries.Where(e => e.ObjectKind == filter.ObjectKind);
        }

        // Times are stored as UTC ticks (see PortalDbContext), so bounds must be UTC too.
        if (filter.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.At >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.At <= toUtc);
        }

        var pageSize = Math.Clamp(filter.PageSize, 1, AuditFilter.MaxPageSize);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(filter.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(e => new AuditRecord(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.ObjectKind, e.ObjectId, e.ObjectName, e.Summary))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    private static async Task<AuditFilterChoices> ChoicesAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        // A user renamed since appears under one of their names.
        var actors = await entries.AsNoTracking()
            .Where(e => e.ActorId != null)
            .GroupBy(e => e.ActorId!.Value)
            .Select(g => new AuditActor(g.Key, g.Max(e => e.ActorName)!))
            .ToListAsync(cancellationToken);
        var kinds = await entries.AsNoTracking().Select(e => e.ObjectKind).Distinct().ToListAsync(cancellationToken);
        return new AuditFilterChoices(
            actors.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            kinds.Order(StringComparer.Ordinal).ToList());
    }
}
