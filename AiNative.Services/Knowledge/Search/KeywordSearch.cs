using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Ranks one generation's searchable chunks by the query's words in the database's keyword index:
/// BM25 over FTS5 on SQLite (<see cref="SqliteKeywordQuery"/>), ts_rank_cd over a tsvector column on
/// PostgreSQL (<see cref="PostgresKeywordQuery"/>). Any term may match; the best <c>limit</c> come first.
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

        var query = db.Database.IsNpgsql()
            ? PostgresKeywordQuery.Create(baseId, generation, terms, limit, documents)
            : SqliteKeywordQuery.Create(baseId, generation, terms, limit, documents);
        return await db.Database.SqlQuery<KeywordMatch>(query).ToListAsync(cancellationToken);
    }
}
