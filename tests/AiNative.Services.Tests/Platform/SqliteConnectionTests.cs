using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

public sealed class SqliteConnectionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Without a busy timeout, Microsoft.Data.Sqlite meets a locked database by sleeping 150 ms before it tries again,
    /// so an upload's commit behind an ingestion save of 20 ms waited 150 and ingestion starved waiting for uploads.
    /// </summary>
    /// <remarks>
    /// A connection string's shorter <c>Default Timeout</c> bounds that wait too: Microsoft.Data.Sqlite looks at it only
    /// between SQLite's waits, so a 5 s wait inside SQLite would outlast a 1 s timeout.
    /// </remarks>
    [Theory]
    [InlineData("", 5000L)]
    [InlineData(";Default Timeout=1", 1000L)]
    public async Task A_connection_that_meets_another_writer_waits_inside_SQLite_which_looks_again_within_milliseconds(string connectionOptions, long busyTimeout)
    {
        using var database = new SharedTestDatabase(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>(database.Settings) { ["Portal:Storage:ConnectionString"] = database.ConnectionString + connectionOptions };
        await using var host = await ServicesHost.StartAsync(settings: settings);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel);
        await db.Database.OpenConnectionAsync(Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(busyTimeout, await command.ExecuteScalarAsync(Cancel));
    }
}
