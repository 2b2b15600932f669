using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Teams;

/// <summary>The team a fresh portal starts with; other seeders put their demo data in it.</summary>
public static class DemoTeam
{
    public const string Name = "Demo team";

    public const string Slug = "demo";

    /// <summary>Enters the demo team as the system, or returns false when it has been deleted.</summary>
    public static async Task<bool> EnterAsync(PortalDbContext db, TeamContext team, CancellationToken cancellationToken)
    {
        var demo = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == Slug, cancellationToken);
        if (demo is null)
        {
            return false;
        }

        team.Enter(TeamAccess.ForSystem(demo.Id, demo.Name));
        return true;
    }
}
