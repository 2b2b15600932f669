using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiNative.Services.Tests.Platform;

/// <summary>Makes lease renewals fail as SQLite does when another connection holds the write lock (SQLITE_BUSY).</summary>
internal sealed class FailingLeaseRenewals : DbCommandInterceptor
{
    private const int SqliteBusy = 5;
    private int _failuresLeft;

    /// <summary>The next <paramref name="count"/> renewals fail; <see cref="int.MaxValue"/> for all of them.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        // Only a renewal sets nothing but the lease's end.
        if (command.CommandText.Contains("SET \"LeaseExpiresAt\" =", StringComparison.Ordinal) && TakeFailure())
        {
            throw new SqliteException("SQLite Error 5: 'database is locked'.", SqliteBusy);
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

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
