using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Platform.Seeding;

/// <summary>
/// A PostgreSQL session advisory lock held on the context's connection while migrations and seeders
/// run, so that of several replicas starting at once one migrates and seeds and the others wait. SQLite
/// serves one process, whose start runs once, so there it holds nothing.
/// </summary>
internal sealed class DatabaseStartLock : IAsyncDisposable
{
    // Any fixed 64-bit number the portal owns; "AiNative" in ASCII.
    private const long Key = 0x4169_4E61_7469_7665;

    private readonly PortalDbContext? _db;

    private DatabaseStartLock(PortalDbContext? db) => _db = db;

    public static async Task<DatabaseStartLock> AcquireAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new DatabaseStartLock(null);
        }

        // Opened by us, the connection stays open (and the lock held) until DisposeAsync closes it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new DatabaseStartLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await _db.Database.CloseConnectionAsync();
        }
    }
}
