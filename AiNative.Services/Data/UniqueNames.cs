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
