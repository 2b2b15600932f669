using AiNative.Services.Data;
using AiNative.Services.Platform.Seeding;

namespace AiNative.Services.Teams;

internal sealed class DemoTeamSeeder(TimeProvider clock) : IPortalSeeder
{
    public string Name => "teams.demo-team";

    public int Order => 0;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.Teams.Add(new Team { Name = DemoTeam.Name, Slug = DemoTeam.Slug, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
