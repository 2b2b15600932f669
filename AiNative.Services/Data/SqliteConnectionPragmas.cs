using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiNative.Services.Data;

/// <summary>
/// Sets each opened SQLite connection to sync the write-ahead log at checkpoints only (<c>synchronous=NORMAL</c>): a
/// commit no longer waits for the disk, which cost 6–7 ms each and is what the one writer queued on. In WAL mode a
/// killed process loses nothing committed and the file is never corrupted; a power cut or kernel crash may roll back
/// the last commits before a checkpoint. The database file's pages are read through a memory map (<c>mmap_size</c>, at
/// most 256 MiB): in WAL mode a connection drops its page cache whenever another has written, and reading the pages
/// again with pread, a copy each, was 7 % of the portal's processor time ingesting large Markdown. A connection that
/// finds the database locked by another writer waits in SQLite (<c>busy_timeout</c>), which looks again within
/// milliseconds; without it Microsoft.Data.Sqlite retries after 150 ms sleeps, so an upload's commit that met an ingestion
/// save of 20 ms waited 150, and ingestion starved waiting for the uploads. The settings are per connection, not kept in the file.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static SqliteConnectionPragmas Instance { get; } = new();

    private const int BusyTimeoutMilliseconds = 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite looks at a command's timeout only between SQLite's waits, so a connection string's shorter
    /// <c>Default Timeout</c> bounds the wait inside SQLite too.
    /// </summary>
    private static string Pragmas(DbConnection connection)
    {
        var limit = connection is SqliteConnection { DefaultTimeout: > 0 and var seconds } ? seconds * 1000L : BusyTimeoutMilliseconds;
        return $"PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456; PRAGMA busy_timeout={Math.Min(limit, BusyTimeoutMilliseconds)};";
    }
}
