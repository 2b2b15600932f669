using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiNative.Services.Tests.Platform;

/// <summary>
/// Makes the commands <paramref name="chosen"/> picks fail as SQLite does when another connection holds the write lock
/// (SQLITE_BUSY), or hang as a command does while SQLite retries a busy database until its timeout.
/// </summary>
internal sealed class BusyCommands(Func<DbCommand, bool> chosen) : DbCommandInterceptor, IDisposable
{
    private const int SqliteBusy = 5;
    private readonly ManualResetEventSlim _released = new();
    private int _failuresLeft;
    private int _hang;
    private Guid? _rowId;

    /// <summary>A job's lease renewal: the only update that sets nothing but the lease's end.</summary>
    public static BusyCommands LeaseRenewals() =>
        new(command => command.CommandText.Contains("SET \"LeaseExpiresAt\" =", StringComparison.Ordinal));

    /// <summary>An experiment runner's claim of cells: the only update of cells that sets when they started.</summary>
    public static BusyCommands CellClaims() =>
        new(command => command.CommandText.Contains("\"ExperimentCells\"", StringComparison.Ordinal)
            && command.CommandText.Contains("\"StartedAt\" =", StringComparison.Ordinal));

    /// <summary>Leaves the commands of every other row alone: the seeded handbook's ingestion jobs renew their leases too.</summary>
    public void OnlyFor(Guid rowId) => _rowId = rowId;

    /// <summary>The next <paramref name="count"/> chosen commands fail; <see cref="int.MaxValue"/> for all of them.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>The next chosen command blocks its thread, deaf to cancellation as SQLite's busy retries are, until <see cref="Release"/>.</summary>
    public void HangNext() => Volatile.Write(ref _hang, 1);

    public void Release() => _released.Set();

    public void Dispose()
    {
        _released.Set();
        _released.Dispose();
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (chosen(command) && IsOfChosenRow(command))
        {
            if (Interlocked.Exchange(ref _hang, 0) == 1)
            {
                _released.Wait(TimeSpan.FromSeconds(60), CancellationToken.None);
            }

            if (TakeFailure())
            {
                throw new SqliteException("SQLite Error 5: 'database is locked'.", SqliteBusy);
            }
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private bool IsOfChosenRow(DbCommand command) =>
        _rowId is not { } id
        || command.Parameters.Cast<DbParameter>().Any(p => p.Value is Guid g ? g == id : p.Value is string s && Guid.TryParse(s, out var parsed) && parsed == id);

    private bool TakeFailure()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _failuresLeft);
            if (left <= 0)
            {
                return false;
            }
        }
        while (left != int.MaxValue && Interlocked.CompareExchange(ref _failuresLeft, left - 1, left) != left);

        return true;
    }
}
