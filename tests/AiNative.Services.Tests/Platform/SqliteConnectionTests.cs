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
    [Fact]
    public async Task A_connection_that_meets_another_writer_waits_inside_SQLite_which_looks_again_within_milliseconds()
    {
        using var database = new SharedTestDatabase(DatabaseProvider.Sqlite);
        await using var host = await ServicesHost.StartAsync(settings: database.Settings);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel);
        await db.Database.OpenConnectionAsync(Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(5000L, await command.ExecuteScalarAsync(Cancel));
    }
}
