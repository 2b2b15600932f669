using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Teams.SingleSignOn;

/// <summary>
/// The local account of a single sign-on: found by its external login, else by a verified email
/// (and linked), else created without a password. When a teams claim is configured, the
/// person's memberships follow it at every sign-in.
/// </summary>
public sealed partial class ExternalAccounts(IServiceScopeFactory scopes, AuditTrail audit, TimeProvider clock, ILogger<ExternalAccounts> logger)
{
    public async Task<PortalUser> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var actor = new Actor(null, $"single sign-on ({identity.ProviderDisplayName})");
        var user = await FindOrCreateAsync(work, identity, actor);
        if (AccountLocks.IsLockedByAdministrator(user.LockoutEnd))
        {
            throw new ForbiddenException("This account is locked. Ask an administrator to unlock it.");
        }

        if (identity.TeamClaimValues is not null)
        {
            await SyncMembershipsAsync(work.Db, user, TeamClaimMapping.Parse(identity.TeamClaimValues), actor, cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return user;
    }

    private async Task<PortalUser> FindOrCreateAsync(IdentityWork work, ExternalIdentity identity, Actor actor)
    {
        var user = await work.Users.FindByLoginAsync(identity.Provider, identity.ProviderKey);
        if (user is not null)
        {
            return user;
        }

        var login = new UserLoginInfo(identity.Provider, identity.ProviderKey, identity.ProviderDisplayName);
        if (string.IsNullOrWhiteSpace(identity.Email))
        {
            throw new ValidationFailedException("Email", "The identity provider sent no email address; the portal needs one to find or create your account.");
        }

        // Linking by email trusts the provider's word for it; an address it has not verified could be anyone's.
        user = identity.EmailVerified ? await work.Users.FindByEmailAsync(identity.Email) : null;
        if (user is null)
        {
            if (await work.Users.FindByEmailAsync(identity.Email) is not null)
            {
                throw new ConflictException("An account with this email exists, and the identity provider has not verified the address. Ask an administrator.");
            }

            user = new PortalUser
            {
                UserName = identity.Email,
                Email = identity.Email,
                EmailConfirmed = identity.EmailVerified,
                DisplayName = string.IsNullOrWhiteSpace(identity.DisplayName) ? identity.Email : identity.DisplayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            IdentityWork.Check(await work.Users.CreateAsync(user), "Email");
            audit.Record(work.Db, null, actor, AuditAction.Created, UserAdministration.AuditKind, user.Id,
                TeamMembers.Describe(user.DisplayName, user.Email), "account created at first single sign-on");
        }

        IdentityWork.Check(await work.Users.AddLoginAsync(user, login), "Email");
        return user;
    }

    /// <summary>
    /// Makes the memberships match the claim: teams it names are joined or get its role, teams it does
    /// not name are left. Teams that do not exist are ignored (administrators create teams), and a
    /// team's last owner is never demoted or removed.
    /// </summary>
    private async Task SyncMembershipsAsync(PortalDbContext db, PortalUser user, IReadOnlyDictionary<string, TeamRole> wanted, Actor actor, CancellationToken cancellationToken)
    {
        var slugs = wanted.Keys.ToList();
        var teams = await db.Teams.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Id, t => t.Slug, cancellationToken);
        var current = await db.TeamMemberships.Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
        var name = TeamMembers.Describe(user.DisplayName, user.Email);
        var now = clock.GetUtcNow();

        foreach (var membership in current)
        {
            var role = teams.TryGetValue(membership.TeamId, out var slug) ? wanted[slug] : (TeamRole?)null;
            if (role == membership.Role)
            {
                continue;
            }

            if (membership.Role == TeamRole.Owner && await TeamMembers.IsLastOwnerAsync(db, membership.TeamId, user.Id, cancellationToken))
            {
                LogLastOwnerKept(membership.TeamId);
                continue;
            }

            if (role is { } newRole)
            {
                audit.Record(db, membership.TeamId, actor, AuditAction.Updated, TeamMembers.AuditKind, user.Id, name, AuditTrail.Changes(("role", membership.Role, newRole)));
                membership.Role = newRole;
            }
            else
            {
                audit.Record(db, membership.TeamId, actor, AuditAction.Deleted, TeamMembers.AuditKind, user.Id, name, $"role: {membership.Role} (not in the teams claim)");
                db.TeamMemberships.Remove(membership);
            }
        }

        foreach (var (teamId, slug) in teams.Where(t => current.All(m => m.TeamId != t.Key)))
        {
            db.TeamMemberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id, Role = wanted[slug], CreatedAt = now });
            audit.Record(db, teamId, actor, AuditAction.Created, TeamMembers.AuditKind, user.Id, name, $"role: {wanted[slug]}");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on kept a membership the teams claim no longer grants: the user is the last owner of team {TeamId}")]
    private partial void LogLastOwnerKept(Guid teamId);
}
