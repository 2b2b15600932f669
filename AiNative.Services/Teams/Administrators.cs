using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>
/// Who may administer the portal, read from the database on every call so that a revoked
/// administrator loses the right at once, whatever their cookie says.
/// </summary>
public static class Administrators
{
    /// <summary>The caller as an audit actor; throws <see cref="ForbiddenException"/> unless they are an administrator whom no administrator has locked (failed sign-ins lock only the password).</summary>
    public static async Task<Actor> RequireAsync(PortalDbContext db, Guid callerId, CancellationToken cancellationToken)
    {
        var caller = await db.Users.AsNoTracking()
            .Where(AccountLocks.NotLockedByAdministrator)
            .Where(u => u.Id == callerId && u.IsAdministrator)
            .Select(u => new Actor(u.Id, u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        return caller ?? throw new ForbiddenException("Only administrators manage teams and users. Ask an administrator to do this.");
    }

    /// <summary>The user as an audit actor, or a forbidden answer when the account no longer exists.</summary>
    public static async Task<Actor> ActorAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Actor(u.Id, u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new ForbiddenException("Your account no longer exists. Sign in again.");
}
