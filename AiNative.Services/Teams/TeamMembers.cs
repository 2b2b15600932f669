using System.Data;
using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>
/// Who is in a team and with which role. A team's owners manage its members, and so do
/// administrators (who need not be in the team). A team never loses its last owner.
/// </summary>
public sealed class TeamMembers(
    IDbContextFactory<PortalDbContext> dbFactory,
    ILookupNormalizer normalizer,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "Member";

    /// <summary>The members of a team; its members and administrators may read it.</summary>
    public async Task<IReadOnlyList<TeamMember>> ListAsync(Guid teamId, Guid callerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isMember = await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId && m.UserId == callerId, cancellationToken);
        if (!isMember)
        {
            await RequireAdministratorOfExistingTeamAsync(db, teamId, callerId, cancellationToken);
        }

        var members = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.TeamId == teamId)
            .Select(m => new TeamMember(m.UserId, m.User.DisplayName, m.User.Email ?? string.Empty, m.Role, m.CreatedAt))
            .ToListAsync(cancellationToken);
        return members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<TeamMember> AddAsync(Guid teamId, Guid callerId, string email, TeamRole role, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await RequireManagerAsync(db, teamId, callerId, cancellationToken);
        new Validation()
            .RequireText(email, "Email", 256)
            .Require(Enum.IsDefined(role), "Role", "Choose a role: Viewer, Editor or Owner.")
            .ThrowIfInvalid();
        var normalized = normalizer.NormalizeEmail(email.Trim());
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationFailedException("Email", "No account has this email. An administrator creates accounts under Administration → Users.");
        if (await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId && m.UserId == user.Id, cancellationToken))
        {
            throw new ConflictException($"{user.DisplayName} is already a member of this team. Change their role instead.");
        }

        var now = clock.GetUtcNow();
        db.TeamMemberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id, Role = role, CreatedAt = now });
        audit.Record(db, teamId, caller, AuditAction.Created, AuditKind, user.Id, Describe(user.DisplayName, user.Email), $"role: {role}");
        await db.SaveChangesAsync(cancellationToken);
        return new TeamMember(user.Id, user.DisplayName, user.Email ?? string.Empty, role, now);
    }

    public async Task ChangeRoleAsync(Guid teamId, Guid callerId, Guid userId, TeamRole role, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await RequireManagerAsync(db, teamId, callerId, cancellationToken);
        new Validation().Require(Enum.IsDefined(role), "Role", "Choose a role: Viewer, Editor or Owner.").ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var membership = await FindAsync(db, teamId, userId, cancellationToken);
        if (membership.Role == role)
        {
            return;
        }

        if (membership.Role == TeamRole.Owner)
        {
            await EnsureAnotherOwnerAsync(db, teamId, membership, "demoted", cancellationToken);
        }

        audit.Record(db, teamId, caller, AuditAction.Updated, AuditKind, userId, Describe(membership.User.DisplayName, membership.User.Email),
            AuditTrail.Changes(("role", membership.Role, role)));
        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid teamId, Guid callerId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await RequireManagerAsync(db, teamId, callerId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var membership = await FindAsync(db, teamId, userId, cancellationToken);
        if (membership.Role == TeamRole.Owner)
        {
            await EnsureAnotherOwnerAsync(db, teamId, membership, "removed", cancellationToken);
        }

        audit.Record(db, teamId, caller, AuditAction.Deleted, AuditKind, userId, Describe(membership.User.DisplayName, membership.User.Email),
            $"role: {membership.Role}");
        db.TeamMemberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static string Describe(string displayName, string? email) =>
        string.IsNullOrEmpty(email) ? displayName : $"{displayName} <{email}>";

    internal static async Task<bool> IsLastOwnerAsync(PortalDbContext db, Guid teamId, Guid userId, CancellationToken cancellationToken) =>
        !await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId && m.Role == TeamRole.Owner && m.UserId != userId, cancellationToken);

    private static async Task EnsureAnotherOwnerAsync(PortalDbContext db, Guid teamId, TeamMembership membership, string change, CancellationToken cancellationToken)
    {
        if (await IsLastOwnerAsync(db, teamId, membership.UserId, cancellationToken))
        {
            throw new ConflictException(
                $"{membership.User.DisplayName} is the team's last owner and cannot be {change}. Make another member an owner first.");
        }
    }

    private static async Task<TeamMembership> FindAsync(PortalDbContext db, Guid teamId, Guid userId, CancellationToken cancellationToken) =>
        await db.TeamMemberships.Include(m => m.User).SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, cancellationToken)
        ?? throw new NotFoundException(AuditKind, userId);

    /// <summary>The caller, when they are an owner of the team or an administrator.</summary>
    private async Task<Actor> RequireManagerAsync(PortalDbContext db, Guid teamId, Guid callerId, CancellationToken cancellationToken)
    {
        var owner = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.UserId == callerId && m.Role == TeamRole.Owner)
            .Select(m => new Actor(m.UserId, m.User.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is not null)
        {
            return owner;
        }

        if (await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId && m.UserId == callerId, cancellationToken))
        {
            throw new ForbiddenException("Only the team's owners manage its members. Ask an owner of this team.");
        }

        return await RequireAdministratorOfExistingTeamAsync(db, teamId, callerId, cancellationToken);
    }

    /// <summary>Someone outside the team must be an administrator, and the team must exist (404 otherwise, as for any other team's object).</summary>
    private async Task<Actor> RequireAdministratorOfExistingTeamAsync(PortalDbContext db, Guid teamId, Guid callerId, CancellationToken cancellationToken)
    {
        var isAdministrator = await db.Users.AnyAsync(u => u.Id == callerId && u.IsAdministrator, cancellationToken);
        if (!isAdministrator)
        {
            throw new NotFoundException("Team", teamId);
        }

        var admin = await Administrators.RequireAsync(db, callerId, cancellationToken);
        return await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken) ? admin : throw new NotFoundException("Team", teamId);
    }
}
