using System.Runtime.CompilerServices;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// SQLite's keyword search, with the same top as ranking every chunk that holds a query word but without
/// ranking them all. FTS5 scores a chunk by BM25 at the cost of a length lookup per chunk, so a query
/// holding a word found in 200,000 of 1M chunks took 150–300 ms, while counting those chunks takes a few.
/// When the query's words are in more than <see cref="RowsRankedAtOnce"/> chunks, its commonest words are
/// split off: the chunks holding one of the rarer words are ranked in two parts (with and without a common
/// word, so each word counts once and every score is BM25's own), and chunks holding common words only are
/// ranked only for the sets of common words whose highest possible score beats the last chunk kept: a word
/// adds less than (k1 + 1) × its rarity to BM25, however often it occurs.
/// </summary>
internal static class SqliteKeywordSearch
{
    /// <summary>Chunks one query ranks before the query's commonest words are split off.</summary>
    public const int RowsRankedAtOnce = 20_000;

    /// <summary>Most common words split off: chunks of common words only are ranked per set of them (2^n − 1 sets).</summary>
    private const int MaxCommonTerms = 4;

    // FTS5's bm25 k1 is 1.2: one word adds less than 2.2 × its rarity to a chunk's score.
    private const double MostPerRarity = 1.2 + 1;

    public static async Task<List<KeywordMatch>> SearchAsync(
        PortalDbContext db,
        string table,
        QueryTerms terms,
        int limit,
        IReadOnlySet<Guid>? documents,
        CancellationToken cancellationToken,
        int rowsRankedAtOnce = RowsRankedAtOnce)
    {
        if (terms.Terms.Count < 2 || documents is { Count: > SqliteKeywordQuery.MaxDocumentsInMatch })
        {
            return await RankAsync(db, SqliteKeywordQuery.Create(table, terms, limit, documents), cancellationToken);
        }

        var chunks = new Dictionary<string, long>();
        foreach (var term in terms.Terms)
        {
            chunks[term] = await CountAsync(db, table, SqliteKeywordQuery.InText(SqliteKeywordQuery.AnyOf([term])), cancellationToken);
        }

        var rare = new List<string>();
        var ranked = 0L;
        foreach (var term in terms.Terms.OrderBy(t => chunks[t]))
        {
            if (rare.Count == 0 || ranked + chunks[term] <= rowsRankedAtOnce)
            {
                rare.Add(term);
                ranked += chunks[term];
            }
        }

        var common = terms.Terms.Except(rare).ToList();
        var total = common.Count is > 0 and <= MaxCommonTerms ? await RowCountAsync(db, table, cancellationToken) : null;
        if (total is not { } rows)
        {
            return await RankAsync(db, SqliteKeywordQuery.Create(table, terms, limit, documents), cancellationToken);
        }

        var anyRare = SqliteKeywordQuery.AnyOf(rare);
        var anyCommon = SqliteKeywordQuery.AnyOf(common);
        var found = Best(limit,
            await RankAsync(db, SqliteKeywordQuery.Create(table, SqliteKeywordQuery.InText($"({anyRare} AND {anyCommon})"), limit, documents), cancellationToken),
            await RankAsync(db, SqliteKeywordQuery.Create(table, SqliteKeywordQuery.InText($"({anyRare} NOT {anyCommon})"), limit, documents), cancellationToken));
        foreach (var set in Subsets(common))
        {
            var least = found.Count < limit ? 0 : found[^1].Score;
            if (set.Sum(t => MostPerRarity * Rarity(rows, chunks[t])) < least)
            {
                continue;
            }

            var others = SqliteKeywordQuery.AnyOf([.. rare, .. common.Except(set)]);
            found = Best(limit, found, await RankAsync(
                db, SqliteKeywordQuery.Create(table, SqliteKeywordQuery.InText($"({SqliteKeywordQuery.AllOf(set)} NOT {others})"), limit, documents), cancellationToken));
        }

        return found;
    }

    /// <summary>FTS5's BM25 rarity (IDF) of a word in <paramref name="chunks"/> of <paramref name="rows"/>, never below its floor of 1e-6.</summary>
    private static double Rarity(long rows, long chunks) => Math.Max(1e-6, Math.Log((rows - chunks + 0.5) / (chunks + 0.5)));

    private static List<KeywordMatch> Best(int limit, List<KeywordMatch> first, List<KeywordMatch> second) =>
        [.. first.Concat(second).OrderByDescending(m => m.Score).ThenBy(m => m.Id).Take(limit)];

    private static IEnumerable<List<string>> Subsets(List<string> terms) =>
        Enumerable.Range(1, (1 << terms.Count) - 1).Select(mask => terms.Where((_, i) => (mask & (1 << i)) != 0).ToList());

    private static Task<List<KeywordMatch>> RankAsync(PortalDbContext db, FormattableString query, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<KeywordMatch>(query).ToListAsync(cancellationToken);

    private static Task<long> CountAsync(PortalDbContext db, string table, string match, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>(FormattableStringFactory.Create($$"""SELECT count(*) AS "Value" FROM "{{table}}" WHERE "{{table}}" MATCH {0}""", match))
            .SingleAsync(cancellationToken);

    /// <summary>
    /// The table's rows as BM25 counts them: the first varint of FTS5's averages record (row 1 of its data table),
    /// read instead of count(*), which walks every row. Null when the record is not there.
    /// </summary>
    private static async Task<long?> RowCountAsync(PortalDbContext db, string table, CancellationToken cancellationToken)
    {
        // Table names come from SqliteKeywordTables.Name, never from user text.
        var record = await db.Database.SqlQuery<byte[]>(FormattableStringFactory.Create($"""SELECT block AS "Value" FROM "{table}_data" WHERE id = 1"""))
            .SingleOrDefaultAsync(cancellationToken);
        if (record is not { Length: > 0 })
        {
            return null;
        }

        // SQLite's varint: seven bits a byte, high bit set while more follow; a ninth byte gives all eight.
        var value = 0L;
        for (var i = 0; i < Math.Min(record.Length, 9); i++)
        {
            if (i == 8)
            {
                return (value << 8) | record[i];
            }

            value = (value << 7) | (record[i] & 0x7FL);
            if ((record[i] & 0x80) == 0)
            {
                return value;
            }
        }

        return null;
    }
}
