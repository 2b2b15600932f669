using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Ranks one generation's searchable chunks by the query's words in the database's keyword index,
/// reading that base's entries only: BM25 over the base's FTS5 table on SQLite
/// (<see cref="SqliteKeywordSearch"/>), ts_rank_cd over a tsvector column whose GIN index leads with
/// the base on PostgreSQL (<see cref="PostgresKeywordQuery"/>). Any term may match; the best
/// <c>limit</c> come first, among the <paramref name="documents"/> when given.
/// </summary>
public static class KeywordSearch
{
    // Heading terms count half as much as body terms: a heading names many chunks.
    internal const double TextWeight = 1.0;
    internal const double HeadingWeight = 0.5;

    public static async Task<List<KeywordMatch>> SearchAsync(
        PortalDbContext db,
        Guid baseId,
        int generation,
        QueryTerms terms,
        int limit,
        IReadOnlySet<Guid>? documents,
        CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<KeywordMatch>(PostgresKeywordQuery.Create(baseId, generation, terms, limit, documents))
                .ToListAsync(cancellationToken);
        }

        // A generation none of whose documents is searchable yet has no table.
        var table = SqliteKeywordTables.Name(baseId, generation);
        return await SqliteKeywordTables.ExistsAsync(db, table, cancellationToken)
            ? await SqliteKeywordSearch.SearchAsync(db, table, terms, limit, documents, cancellationToken)
            : [];
    }
}
