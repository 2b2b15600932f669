using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Data;

/// <summary>
/// Names that must be unique (a team's prompts, models, bases; the portal's teams). Services check
/// before saving, for a message that names the clash; when two people save the same name at once
/// both checks pass, the unique index refuses the second save, and it gets the same message.
/// </summary>
public static class UniqueNames
{
    /// <summary>
    /// Throws <paramref name="nameTaken"/>'s exception when another entity of <paramref name="entities"/>
    /// (other than <paramref name="except"/>) has the name. Names differing only in case clash too:
    /// they would be confusing in lists and in the gateway.
    /// </summary>
    public static async Task EnsureNameFreeAsync<T>(
        this IQueryable<T> entities, string name, Guid? except, Func<ConflictException> nameTaken, CancellationToken cancellationToken)
        where T : class, IUniquelyNamed
    {
        var lower = name.ToLowerInvariant();
        if (await entities.AnyAsync(e => e.Name.ToLower() == lower && e.Id != except, cancellationToken))
        {
            throw nameTaken();
        }
    }

    public static async Task SaveUniqueAsync(this PortalDbContext db, Func<Exception, ConflictException> nameTaken, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw nameTaken(e);
        }
    }
}
