using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>BM25 ranking over the FTS5 index of one generation's searchable chunks.</summary>
public static class KeywordSearch
{
    // Heading terms count half as much as body terms: a heading names many chunks.
    private const double TextWeight = 1.0;
    private const double HeadingWeight = 0.5;

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

        var table = KeywordIndexSql.Table;
        // Invariant: on a comma-decimal locale "1,0" would read as two arguments and drop the heading weight.
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(\"{table}\", {TextWeight:0.0}, {HeadingWeight:0.0})");
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
        return await db.Database.SqlQuery<KeywordMatch>(FormattableStringFactory.Create(sql, arguments)).ToListAsync(cancellationToken);
    }
}
