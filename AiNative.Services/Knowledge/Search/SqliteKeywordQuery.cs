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

    public static FormattableString Create(string table, QueryTerms terms, int limit, IReadOnlySet<Guid>? documents) =>
        Create(table, terms.ToFtsQuery(), limit, documents);

    /// <summary>Any of <paramref name="terms"/> (quoted: letters and digits only, so never query syntax).</summary>
    public static string AnyOf(IEnumerable<string> terms) => $"({string.Join(" OR ", terms.Select(t => $"\"{t}\""))})";

    /// <summary>Every one of <paramref name="terms"/>.</summary>
    public static string AllOf(IEnumerable<string> terms) => $"({string.Join(" AND ", terms.Select(t => $"\"{t}\""))})";

    /// <summary><paramref name="expression"/> in the text and headings, not the scope column.</summary>
    public static string InText(string expression) => $"{{\"Text\" \"Heading\"}} : {expression}";

    /// <summary>The best <paramref name="limit"/> chunks by BM25 among those <paramref name="match"/> (an FTS5 query over text and headings) finds.</summary>
    public static FormattableString Create(string table, string match, int limit, IReadOnlySet<Guid>? documents)
    {
        // Invariant: on a comma-decimal locale "1,0" would read as two arguments. The scope column weighs nothing.
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(\"{table}\", {KeywordSearch.TextWeight:0.0}, {KeywordSearch.HeadingWeight:0.0}, 0.0)");
        if (documents is null || documents.Count <= MaxDocumentsInMatch)
        {
            return FormattableStringFactory.Create(
                $"""
                SELECT rowid AS "Id", -{rank} AS "Score" FROM "{table}"
                WHERE "{table}" MATCH {"{0}"}
                ORDER BY {rank}
                LIMIT {"{1}"}
                """,
                documents is null ? match : $"({match}) AND {SqliteKeywordTables.ScopeQuery(documents)}", limit);
        }

        return FormattableStringFactory.Create(
            $"""
            SELECT "{table}".rowid AS "Id", -{rank} AS "Score"
            FROM "{table}" JOIN "KnowledgeChunks" AS c ON c."Id" = "{table}".rowid
            WHERE "{table}" MATCH {"{0}"} AND upper(c."DocumentId") IN (SELECT upper(value) FROM json_each({"{2}"}))
            ORDER BY {rank}
            LIMIT {"{1}"}
            """,
            match, limit, JsonSerializer.Serialize(documents.Select(d => d.ToString())));
    }
}
