using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Keeps the keyword index in step with the chunks where the database does not do it by itself:
/// SQLite's tables per base and generation (<see cref="SqliteKeywordTables"/>). PostgreSQL's generated
/// column follows every row (<see cref="PostgresKeywordIndexSql"/>), so there each call does nothing.
/// Call inside the transaction that changes the chunks, so the index and the chunks commit together.
/// </summary>
public static class KeywordIndexMaintenance
{
    /// <summary>After a document's chunks of <paramref name="generation"/> became searchable: they replace its earlier ones in the index.</summary>
    public static async Task DocumentSavedAsync(PortalDbContext db, Guid baseId, int generation, Guid documentId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var table = SqliteKeywordTables.Name(baseId, generation);
        await SqliteKeywordTables.CreateAsync(db, table, cancellationToken);
        await SqliteKeywordTables.RemoveDocumentAsync(db, table, documentId, cancellationToken);
        await SqliteKeywordTables.AddDocumentAsync(db, table, generation, documentId, cancellationToken);
    }

    /// <summary>With a document's chunks deleted: removes them from every generation of the base.</summary>
    public static async Task DocumentDeletedAsync(PortalDbContext db, Guid baseId, Guid documentId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        foreach (var generation in await SqliteKeywordTables.GenerationsAsync(db, baseId, cancellationToken))
        {
            await SqliteKeywordTables.RemoveDocumentAsync(db, SqliteKeywordTables.Name(baseId, generation), documentId, cancellationToken);
        }
    }

    /// <summary>With the chunks of every other generation of the base deleted: drops those generations' index.</summary>
    public static async Task GenerationsRetiredAsync(PortalDbContext db, Guid baseId, IReadOnlyCollection<int> kept, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        foreach (var generation in await SqliteKeywordTables.GenerationsAsync(db, baseId, cancellationToken))
        {
            if (!kept.Contains(generation))
            {
                await SqliteKeywordTables.DropAsync(db, SqliteKeywordTables.Name(baseId, generation), cancellationToken);
            }
        }
    }

    /// <summary>With the base deleted: drops its index.</summary>
    public static Task BaseDeletedAsync(PortalDbContext db, Guid baseId, CancellationToken cancellationToken) =>
        GenerationsRetiredAsync(db, baseId, [], cancellationToken);
}
