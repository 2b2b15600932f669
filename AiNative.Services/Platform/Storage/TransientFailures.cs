using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AiNative.Services.Platform.Storage;

/// <summary>Failures that pass when the database is back (busy, locked, unreachable), as opposed to a record it refuses.</summary>
internal static class TransientFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCannotOpen,
        DbException db => db.IsTransient,
        TimeoutException or System.Net.Sockets.SocketException => true,
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
