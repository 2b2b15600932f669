using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>
/// Creates the first administrator of a fresh portal, who also becomes owner of the demo team.
/// Until then the portal lets nobody in; there is no default password.
/// </summary>
public sealed class AdministratorSetup(
    UserManager<PortalUser> users,
    IDbContextFactory<PortalDbContext> dbFactory,
    SetupState state,
    AuditTrail audit,
    TimeProvider clock)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<PortalUser> CreateFirstAdministratorAsync(string displayName, string email, string password, CancellationToken cancellationToken)
    {
        new Validation()
            .RequireText(displayName, "DisplayName", 100)
            .RequireText(email, "Email", 256)
            .Require(email.Contains('@', StringComparison.Ordinal), "Email", "Enter an email address such as ada@example.com.")
            .ThrowIfInvalid();

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (await state.IsCompleteAsync(cancellationToken))
            {
                throw new ConflictException("The portal already has an administrator. Sign in instead.");
            }

            var user = new PortalUser
            {
                UserName = email.Trim(),
                Email = email.Trim(),
                EmailConfirmed = true,
                DisplayName = displayName.Trim(),
                IsAdministrator = true,
                CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["Password"] = result.Errors.Select(e => e.Description).ToArray(),
                });
            }

            await JoinDemoTeamAsync(user, cancellationToken);
            state.MarkComplete();
            return user;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task JoinDemoTeamAsync(PortalUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = new Actor(user.Id, user.DisplayName);
        var name = TeamMembers.Describe(user.DisplayName, user.Email);
        audit.Record(db, null, actor, AuditAction.Created, UserAdministration.AuditKind, user.Id, name, "first administrator");
        var demo = await db.Teams.SingleOrDefaultAsync(t => t.Slug == DemoTeam.Slug, cancellationToken);
        if (demo is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        db.TeamMemberships.Add(new TeamMembership { TeamId = demo.Id, UserId = user.Id, Role = TeamRole.Owner, CreatedAt = clock.GetUtcNow() });
        audit.Record(db, demo.Id, actor, AuditAction.Created, TeamMembers.AuditKind, user.Id, name, "role: Owner (first administrator)");
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentTeamId, demo.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
