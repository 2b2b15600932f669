using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Inserts a run's chunks with one prepared statement (<see cref="EntityTable"/>): EF Core's change tracking and
/// batched inserts took more time than the rows' writes. The database numbers them; their ids are not read back.
/// </summary>
internal static class ChunkRows
{
    /// <summary>Inserts <paramref name="chunks"/> in <paramref name="db"/>'s current transaction.</summary>
    public static async Task InsertAsync(PortalDbContext db, IEnumerable<KnowledgeChunk> chunks)
    {
        var table = EntityTable.For(db, typeof(KnowledgeChunk), upsert: false, keyFromDatabase: true);
        await using var command = table.CreateCommand(db.Database.GetDbConnection());
        await table.WriteAsync(command, db.Database.CurrentTransaction!.GetDbTransaction(), chunks);
    }
}
