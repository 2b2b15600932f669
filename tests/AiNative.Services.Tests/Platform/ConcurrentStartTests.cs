using AiNative.Services.Platform.Storage;
using AiNative.Services.Prompts;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Platform;

/// <summary>Replicas started at the same moment on one new PostgreSQL database: one migrates and seeds, the other finds it done.</summary>
public sealed class ConcurrentStartTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_replicas_starting_together_migrate_and_seed_the_database_once()
    {
        using var database = new SharedTestDatabase(DatabaseProvider.PostgreSQL);
        var folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(database.Settings) { ["Portal:Jobs:Workers"] = "0" };
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServicesHost.StartAsync(dataFolder: folder, settings: settings)));
        try
        {
            await using var scope = hosts[2].WithoutTeam();
            await using var db = await scope.DbAsync();
            var seeds = await db.SeedRecords.Select(s => s.Name).ToListAsync(Cancel);
            var applied = await db.Database.GetAppliedMigrationsAsync(Cancel);

            Assert.Equal(1, await db.Teams.CountAsync(Cancel));
            Assert.NotEmpty(seeds);
            Assert.Equal(seeds.Distinct().Count(), seeds.Count);
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Equal(1, await db.Prompts.IgnoreQueryFilters().CountAsync(p => p.Name == DemoPrompt.Name, Cancel));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
