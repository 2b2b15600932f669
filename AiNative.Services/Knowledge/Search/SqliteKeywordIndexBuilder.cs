using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Builds the SQLite keyword table of every base and generation that has searchable chunks but no
/// table: a database migrated from the shared table (the PerBaseKeywordIndex migration drops it, and
/// SQL alone cannot create tables named after rows), or one whose build stopped half-way. Runs at
/// start-up after the migrations; finding every table present it reads one index and writes nothing.
/// </summary>
public static class SqliteKeywordIndexBuilder
{
    public static async Task BuildMissingAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var generations = await db.KnowledgeChunks.IgnoreQueryFilters().Where(c => c.Searchable)
            .Select(c => new { c.KnowledgeBaseId, c.Generation }).Distinct().ToListAsync(cancellationToken);
        foreach (var generation in generations)
        {
            var table = SqliteKeywordTables.Name(generation.KnowledgeBaseId, generation.Generation);
            if (await SqliteKeywordTables.ExistsAsync(db, table, cancellationToken))
            {
                continue;
            }

            var documents = await db.KnowledgeChunks.IgnoreQueryFilters()
                .Where(c => c.KnowledgeBaseId == generation.KnowledgeBaseId && c.Generation == generation.Generation && c.Searchable)
                .Select(c => c.DocumentId).Distinct().ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SqliteKeywordTables.CreateAsync(db, table, cancellationToken);
            foreach (var document in documents)
            {
                await SqliteKeywordTables.AddDocumentAsync(db, table, generation.Generation, document, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
