using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Seeding;

/// <summary>
/// Applies migrations and runs the seeders that have not run yet, before the portal serves its
/// first request. On PostgreSQL, one replica at a time does so.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceProvider services,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFolder(storage.Value.DataFolder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.Database.IsSqlite())
        {
            // SQLite creates the database with the process's umask; its -wal and -shm files take the database's mode.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var file = db.Database.GetDbConnection().DataSource;
            OwnerOnly.Restrict(file);
            OwnerOnly.Restrict($"{file}-wal");
            OwnerOnly.Restrict($"{file}-shm");

            // Write-ahead logging (kept in the file): reads go on while the trace writer and jobs commit,
            // instead of waiting for each commit's lock. Connections sync at checkpoints (SqliteConnectionPragmas).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Replicas starting together take turns: the first migrates and seeds, the others then find it done.
        await using var startLock = await DatabaseStartLock.AcquireAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // The keyword tables of bases indexed before the PerBaseKeywordIndex migration, which SQL alone cannot create.
            await SqliteKeywordIndexBuilder.BuildMissingAsync(db, cancellationToken);
        }

        var applied = await db.SeedRecords.Select(s => s.Name).ToListAsync(cancellationToken);
        foreach (var seeder in scope.ServiceProvider.GetServices<IPortalSeeder>().OrderBy(s => s.Order))
        {
            if (applied.Contains(seeder.Name))
            {
                continue;
            }

            // Each seeder gets its own scope so the team it enters does not leak into the next.
            await using var seederScope = services.CreateAsyncScope();
            var seederDb = seederScope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var own = seederScope.ServiceProvider.GetServices<IPortalSeeder>().First(s => s.Name == seeder.Name);
            await own.SeedAsync(seederDb, cancellationToken);
            seederDb.SeedRecords.Add(new SeedRecord { Name = seeder.Name, AppliedAt = clock.GetUtcNow() });
            await seederDb.SaveChangesAsync(cancellationToken);
            LogSeeded(seeder.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Seeder}")]
    private partial void LogSeeded(string seeder);
}
