using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AiNative.Services.Knowledge.Search;

/// <summary>SQLite's keyword query: BM25 over the FTS5 index (<see cref="KeywordIndexSql"/>), negated so that higher is better.</summary>
internal static class SqliteKeywordQuery
{
    public static FormattableString Create(Guid baseId, int generation, QueryTerms terms, int limit, IReadOnlySet<Guid>? documents)
    {
        var table = KeywordIndexSql.Table;
        // Invariant: on a comma-decimal locale "1,0" would read as two arguments and drop the heading weight.
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(\"{table}\", {KeywordSearch.TextWeight:0.0}, {KeywordSearch.HeadingWeight:0.0})");
        var filter = documents is null ? string.Empty : """ AND upper(c."DocumentId") IN (SELECT upper(value) FROM json_each({4}))""";
        var sql = $$"""
            SELECT c."Id" AS "Id", -{{rank}} AS "Score"
            FROM "{{table}}" JOIN "KnowledgeChunks" AS c ON c."Id" = "{{table}}".rowid
            WHERE "{{table}}" MATCH {0} AND c."KnowledgeBaseId" = {1} AND c."Generation" = {2} AND c."Searchable"{{filter}}
            ORDER BY {{rank}}
            LIMIT {3}
            """;
        object[] arguments = documents is null
            ? [terms.ToFtsQuery(), baseId, generation, limit]
            : [terms.ToFtsQuery(), baseId, generation, limit, JsonSerializer.Serialize(documents.Select(d => d.ToString()))];
        return FormattableStringFactory.Create(sql, arguments);
    }
}
