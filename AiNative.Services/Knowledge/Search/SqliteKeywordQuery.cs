using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// SQLite's keyword query over one base's table (<see cref="SqliteKeywordTables"/>): BM25, negated so
/// that higher is better. A document filter is part of the MATCH, so FTS5 walks only those documents'
/// postings and the limit counts only their chunks; a filter of very many documents joins the chunks instead.
/// </summary>
internal static class SqliteKeywordQuery
{
    /// <summary>
    /// The most documents a filter names inside the MATCH. FTS5 compares every branch of an OR at each
    /// step, so a long list costs more than looking up each matching chunk's document.
    /// </summary>
    public const int MaxDocumentsInMatch = 100;

    public static FormattableString Create(string table, QueryTerms terms, int limit, IReadOnlySet<Guid>? documents)
    {
        // Invariant: on a comma-decimal locale "1,0" would read as two arguments. The scope column weighs nothing.
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(\"{table}\", {KeywordSearch.TextWeight:0.0}, {KeywordSearch.HeadingWeight:0.0}, 0.0)");
        if (documents is null || documents.Count <= MaxDocumentsInMatch)
        {
            var match = documents is null ? terms.ToFtsQuery() : $"({terms.ToFtsQuery()}) AND {SqliteKeywordTables.ScopeQuery(documents)}";
            return FormattableStringFactory.Create(
                $"""
                SELECT rowid AS "Id", -{rank} AS "Score" FROM "{table}"
                WHERE "{table}" MATCH {"{0}"}
                ORDER BY {rank}
                LIMIT {"{1}"}
                """,
                match, limit);
        }

        return FormattableStringFactory.Create(
            $"""
            SELECT "{table}".rowid AS "Id", -{rank} AS "Score"
            FROM "{table}" JOIN "KnowledgeChunks" AS c ON c."Id" = "{table}".rowid
            WHERE "{table}" MATCH {"{0}"} AND upper(c."DocumentId") IN (SELECT upper(value) FROM json_each({"{2}"}))
            ORDER BY {rank}
            LIMIT {"{1}"}
            """,
            terms.ToFtsQuery(), limit, JsonSerializer.Serialize(documents.Select(d => d.ToString())));
    }
}
