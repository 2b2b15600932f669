using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>Creates, renames and deletes teams. Administrators only; every change is audited portal-wide.</summary>
public sealed class TeamAdministration(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "Team";

    public async Task<IReadOnlyList<TeamOverview>> ListAsync(Guid callerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Administrators.RequireAsync(db, callerId, cancellationToken);
        var teams = await db.Teams.AsNoTracking()
            .Select(t => new TeamOverview(t.Id, t.Name, t.Slug, t.Members.Count, t.Members.Count(m => m.Role == TeamRole.Owner), t.CreatedAt))
            .ToListAsync(cancellationToken);
        return teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Creates a team whose first owner is the administrator who creates it, so no team starts without an owner.</summary>
    public async Task<TeamOverview> CreateAsync(Guid callerId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admin = await Administrators.RequireAsync(db, callerId, cancellationToken);
        name = Validate(name);
        var slug = TeamSlug.From(name);
        await EnsureUniqueAsync(db, name, slug, exceptTeamId: null, cancellationToken);

        var now = clock.GetUtcNow();
        var team = new Team { Name = name, Slug = slug, CreatedAt = now };
        db.Teams.Add(team);
        db.TeamMemberships.Add(new TeamMembership { TeamId = team.Id, UserId = callerId, Role = TeamRole.Owner, CreatedAt = now });
        audit.Record(db, null, admin, AuditAction.Created, AuditKind, team.Id, name, $"slug: {slug}");
        audit.Record(db, team.Id, admin, AuditAction.Created, TeamMembers.AuditKind, callerId, admin.Name, "role: Owner (created the team)");
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        return new TeamOverview(team.Id, name, slug, 1, 1, now);
    }

    /// <summary>Renames a team; its slug stays, so links to it keep working.</summary>
    public async Task RenameAsync(Guid callerId, Guid teamId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admin = await Administrators.RequireAsync(db, callerId, cancellationToken);
        name = Validate(name);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken) ?? throw new NotFoundException(AuditKind, teamId);
        await EnsureUniqueAsync(db, name, slug: null, exceptTeamId: teamId, cancellationToken);

        audit.Record(db, null, admin, AuditAction.Updated, AuditKind, team.Id, name, AuditTrail.Changes(("name", team.Name, name)));
        team.Name = name;
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
    }

    /// <summary>Deletes a team with its memberships and everything it owns; its audit trail is kept.</summary>
    public async Task DeleteAsync(Guid callerId, Guid teamId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admin = await Administrators.RequireAsync(db, callerId, cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken) ?? throw new NotFoundException(AuditKind, teamId);
        var members = await db.TeamMemberships.CountAsync(m => m.TeamId == teamId, cancellationToken);

        audit.Record(db, null, admin, AuditAction.Deleted, AuditKind, team.Id, team.Name, $"slug: {team.Slug}; {members} member(s)");
        db.Teams.Remove(team);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TeamKnowledgeDeletion.DeleteAsync(db, teamId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Validate(string? name)
    {
        new Validation().RequireText(name, "Name", 100).ThrowIfInvalid();
        return name!.Trim();
    }

    private static async Task EnsureUniqueAsync(PortalDbContext db, string name, string? slug, Guid? exceptTeamId, CancellationToken cancellationToken)
    {
        // Names compare without case so that "Research" and "research" cannot both exist.
        var upper = name.ToUpperInvariant();
        var clash = await db.Teams.AnyAsync(
            t => t.Id != exceptTeamId && (t.Name.ToUpper() == upper || (slug != null && t.Slug == slug)),
            cancellationToken);
        if (clash)
        {
            throw NameTaken(name);
        }
    }

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A team named '{name}' (or with the same link name) already exists. Choose another name.", inner);
}
