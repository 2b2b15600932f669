using AiNative.Services.Data;
using AiNative.Services.Models.Offline;
using AiNative.Services.Runs;
using AiNative.Services.Teams;
using AiNative.Services.Tests.Runs;
using AiNative.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiNative.Services.Tests.Platform;

/// <summary>A database written by an older portal opens in this one, with its data as it was.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private readonly string _oldDatabase = Path.Combine(Path.GetTempPath(), "ainative-tests", $"{Guid.NewGuid():N}.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_oldDatabase);
    }

    [Fact]
    public async Task Runs_saved_before_retrieval_existed_open_after_the_upgrade_with_an_empty_trace_of_hits()
    {
        var stored = await StoredRunColumnsAsync();
        var team = new TeamContext();
        await using (var old = OpenOld(team))
        {
            var migrations = old.Database.GetMigrations().ToList();
            await old.GetService<IMigrator>().MigrateAsync(migrations.Single(m => m.EndsWith("_Runs", StringComparison.Ordinal)), Cancel);
            await InsertOldRunAsync(old, stored);
            await old.Database.MigrateAsync(Cancel);
            Assert.Empty(await old.Database.GetPendingMigrationsAsync(Cancel));
        }

        team.Enter(TeamAccess.ForSystem(OldTeamId, "Old team"));
        await using var upgraded = OpenOld(team);
        var run = await upgraded.Set<PromptRun>().Include(r => r.Spans).SingleAsync(Cancel);

        Assert.Equal("An answer from before the upgrade.", run.Output);
        Assert.Equal(stored.Settings, await ColumnAsync(upgraded, "Settings"));
        var span = Assert.Single(run.Spans);
        Assert.Equal(SpanNames.ModelCall, span.Name);
        Assert.Empty(span.Hits);
        Assert.Null(run.Retrieval);
    }

    private static readonly Guid OldTeamId = Guid.CreateVersion7();

    /// <summary>A time as the portal stores it on SQLite (see <c>PortalDbContext.ConfigureConventions</c>).</summary>
    internal static long StoredTime(DateTimeOffset time) => (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(time)!;

    private PortalDbContext OpenOld(TeamContext team) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={_oldDatabase}").Options, team);

    /// <summary>The JSON columns of a run as this portal stores them: the part of the format that did not change.</summary>
    private static async Task<(string Settings, string Variables, string Messages)> StoredRunColumnsAsync()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.OfflineModelAsync(OfflineModels.ChatModelId);
        await scope.Get<PromptRunner>().RunAsync(
            new RunRequest { ModelId = model.Id, UserTemplate = "Say hello.", Settings = new() { Temperature = 0.3f } }, Cancel).CollectAsync();
        await using var db = await scope.DbAsync();
        return (await ColumnAsync(db, "Settings"), await ColumnAsync(db, "Variables"), await ColumnAsync(db, "Messages"));
    }

    private static async Task<string> ColumnAsync(PortalDbContext db, string column)
    {
        var query = "SELECT \"" + column + "\" AS \"Value\" FROM \"PromptRuns\" LIMIT 1";
        return await db.Database.SqlQueryRaw<string>(query).SingleAsync(Cancel);
    }

    private static async Task InsertOldRunAsync(PortalDbContext db, (string Settings, string Variables, string Messages) stored)
    {
        var runId = Guid.CreateVersion7();
        var now = StoredTime(DateTimeOffset.UtcNow);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Teams\" (\"Id\", \"Name\", \"Slug\", \"CreatedAt\") VALUES ({OldTeamId}, 'Old team', 'old-team', {now})", Cancel);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "PromptRuns" ("Id", "TeamId", "SystemTemplate", "UserTemplate", "ModelId", "ModelName", "Output", "Status",
                "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "LatencyMs", "ActorName", "StartedAt", "Messages", "Settings", "Variables")
            VALUES ({runId}, {OldTeamId}, '', 'Say hello.', {Guid.NewGuid()}, 'offline-chat', 'An answer from before the upgrade.', 'Succeeded',
                10, 6, 0, 0, 12.5, 'Ada', {now}, {stored.Messages}, {stored.Settings}, {stored.Variables})
            """, Cancel);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "RunSpans" ("Id", "TeamId", "RunId", "Name", "Status", "StartOffsetMs", "DurationMs", "Attributes")
            VALUES ({Guid.CreateVersion7()}, {OldTeamId}, {runId}, {SpanNames.ModelCall}, 'Succeeded', 1, 10, {"{}"})
            """, Cancel);
    }
}
