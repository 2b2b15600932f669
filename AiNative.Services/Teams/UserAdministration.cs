using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Teams;

/// <summary>
/// Accounts, managed by administrators: create with a one-time password, reset it, lock and
/// unlock, grant and revoke administration. The portal always keeps one active administrator.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "User";

    public async Task<IReadOnlyList<UserAccount>> ListAsync(Guid callerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await Administrators.RequireAsync(db, callerId, cancellationToken);
        var accounts = await Accounts(db.Users, now).ToListAsync(cancellationToken);
        return accounts.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Creates an account whose holder must choose a new password at first sign-in.</summary>
    public async Task<IssuedPassword> CreateAsync(Guid callerId, string displayName, string email, CancellationToken cancellationToken)
    {
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var admin = await Administrators.RequireAsync(work.Db, callerId, cancellationToken);
        new Validation()
            .RequireText(displayName, "DisplayName", 100)
            .RequireText(email, "Email", 256)
            .Require(email?.Contains('@', StringComparison.Ordinal) == true, "Email", "Enter an email address such as ada@example.com.")
            .ThrowIfInvalid();
        if (await work.Users.FindByEmailAsync(email!.Trim()) is not null)
        {
            throw new ConflictException($"An account with the email {email.Trim()} already exists.");
        }

        var password = OneTimePassword.Generate();
        var user = new PortalUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName!.Trim(),
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        IdentityWork.Check(await work.Users.CreateAsync(user, password), "Email");
        audit.Record(work.Db, null, admin, AuditAction.Created, AuditKind, user.Id, TeamMembers.Describe(user.DisplayName, user.Email),
            "account with a one-time password");
        await work.CommitAsync(cancellationToken);
        return new IssuedPassword(await FindAsync(user.Id, cancellationToken), password);
    }

    /// <summary>Replaces the password with a one-time one and ends the user's sessions.</summary>
    public async Task<IssuedPassword> ResetPasswordAsync(Guid callerId, Guid userId, CancellationToken cancellationToken)
    {
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var admin = await Administrators.RequireAsync(work.Db, callerId, cancellationToken);
        var user = await FindUserAsync(work, userId);
        var password = OneTimePassword.Generate();
        var token = await work.Users.GeneratePasswordResetTokenAsync(user);
        IdentityWork.Check(await work.Users.ResetPasswordAsync(user, token, password), "Password");
        user.MustChangePassword = true;
        IdentityWork.Check(await work.Users.UpdateAsync(user), "Password");
        audit.Record(work.Db, null, admin, AuditAction.Updated, AuditKind, user.Id, TeamMembers.Describe(user.DisplayName, user.Email),
            "password reset to a one-time password");
        await work.CommitAsync(cancellationToken);
        return new IssuedPassword(await FindAsync(user.Id, cancellationToken), password);
    }

    /// <summary>Locks an account until an administrator unlocks it (ending its sessions and access tokens), or unlocks it.</summary>
    public async Task<UserAccount> SetLockedAsync(Guid callerId, Guid userId, bool locked, CancellationToken cancellationToken)
    {
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var admin = await Administrators.RequireAsync(work.Db, callerId, cancellationToken);
        var user = await FindUserAsync(work, userId);
        if (locked)
        {
            if (userId == callerId)
            {
                throw new ConflictException("You cannot lock your own account. Ask another administrator.");
            }

            if (user.IsAdministrator)
            {
                await EnsureAnotherAdministratorAsync(work.Db, userId, cancellationToken);
            }

            IdentityWork.Check(await work.Users.SetLockoutEnabledAsync(user, true), "Locked");
            IdentityWork.Check(await work.Users.SetLockoutEndDateAsync(user, AccountLocks.UntilUnlocked), "Locked");
            IdentityWork.Check(await work.Users.UpdateSecurityStampAsync(user), "Locked");
        }
        else
        {
            IdentityWork.Check(await work.Users.SetLockoutEndDateAsync(user, null), "Locked");
            IdentityWork.Check(await work.Users.ResetAccessFailedCountAsync(user), "Locked");
        }

        audit.Record(work.Db, null, admin, AuditAction.Updated, AuditKind, user.Id, TeamMembers.Describe(user.DisplayName, user.Email),
            locked ? "locked" : "unlocked");
        await work.CommitAsync(cancellationToken);
        return await FindAsync(userId, cancellationToken);
    }

    public async Task<UserAccount> SetAdministratorAsync(Guid callerId, Guid userId, bool isAdministrator, CancellationToken cancellationToken)
    {
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var admin = await Administrators.RequireAsync(work.Db, callerId, cancellationToken);
        var user = await FindUserAsync(work, userId);
        if (user.IsAdministrator == isAdministrator)
        {
            return await FindAsync(userId, cancellationToken);
        }

        if (!isAdministrator)
        {
            await EnsureAnotherAdministratorAsync(work.Db, userId, cancellationToken);
        }

        var before = user.IsAdministrator;
        user.IsAdministrator = isAdministrator;
        IdentityWork.Check(await work.Users.UpdateAsync(user), "IsAdministrator");
        audit.Record(work.Db, null, admin, AuditAction.Updated, AuditKind, user.Id, TeamMembers.Describe(user.DisplayName, user.Email),
            AuditTrail.Changes(("administrator", YesNo(before), YesNo(isAdministrator))));
        await work.CommitAsync(cancellationToken);
        return await FindAsync(userId, cancellationToken);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private async Task<UserAccount> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Accounts(db.Users.Where(u => u.Id == userId), clock.GetUtcNow()).SingleAsync(cancellationToken);
    }

    private static async Task<PortalUser> FindUserAsync(IdentityWork work, Guid userId) =>
        await work.Users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException(AuditKind, userId);

    private static async Task EnsureAnotherAdministratorAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var another = await db.Users.Where(AccountLocks.NotLockedByAdministrator)
            .AnyAsync(u => u.Id != userId && u.IsAdministrator, cancellationToken);
        if (!another)
        {
            throw new ConflictException("This is the portal's last active administrator. Make another user an administrator first.");
        }
    }

    private static IQueryable<UserAccount> Accounts(IQueryable<PortalUser> users, DateTimeOffset now) =>
        users.AsNoTracking().Select(u => new UserAccount(
            u.Id,
            u.DisplayName,
            u.Email ?? u.UserName ?? string.Empty,
            u.IsAdministrator,
            u.LockoutEnd != null && u.LockoutEnd > now ? u.LockoutEnd : null,
            u.MustChangePassword,
            u.PasswordHash != null,
            u.Memberships.Count,
            u.CreatedAt));
}
