using AiNative.Services.Data;

namespace AiNative.Services.Platform.Seeding;

/// <summary>
/// Demo data for a fresh portal. Each seeder runs once in the life of a database (recorded in
/// <see cref="SeedRecord"/>), so data a team deletes stays deleted after a restart.
/// </summary>
public interface IPortalSeeder
{
    /// <summary>A unique, stable name; renaming it makes the seeder run again.</summary>
    string Name { get; }

    /// <summary>Seeders run in ascending order; the demo team comes first.</summary>
    int Order { get; }

    Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken);
}
