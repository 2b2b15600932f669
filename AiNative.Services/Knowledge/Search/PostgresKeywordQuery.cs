using System.Runtime.CompilerServices;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// PostgreSQL's keyword query over the tsvector column (<see cref="PostgresKeywordIndexSql"/>), ranked by
/// ts_rank_cd: each occurrence of a query word counts by its weight (text 1, heading 0.5, as BM25's
/// column weights on SQLite), divided by the log of the chunk's length so that a long chunk does not win
/// by size alone. PostgreSQL keeps no corpus statistics for BM25's rarity (IDF) term, so a rare word
/// counts no more than a common one. Not ts_rank: it divides an OR query's score by its number of
/// words, so scores, and the relevance s / (s + 1) that minimum relevance applies to, would shrink
/// with every word a user adds.
/// </summary>
internal static class PostgresKeywordQuery
{
    // In ts_rank_cd's order: weights D, C, B (headings), A (text).
    private static readonly float[] Weights = [0, 0, (float)KeywordSearch.HeadingWeight, (float)KeywordSearch.TextWeight];

    // ts_rank_cd's normalisation 1: rank / (1 + log(length)).
    private const int LogLengthNormalisation = 1;

    public static FormattableString Create(Guid baseId, int generation, QueryTerms terms, int limit, IReadOnlySet<Guid>? documents)
    {
        var arguments = new List<object> { baseId, generation, limit, Weights };
        string Parameter(object value)
        {
            arguments.Add(value);
            return $"{{{arguments.Count - 1}}}";
        }

        // One plainto_tsquery per term, joined by OR: no user text is read as tsquery syntax, and any term may match.
        var query = string.Join(" || ", terms.Terms.Select(t => $"plainto_tsquery('{PostgresKeywordIndexSql.Configuration}', {Parameter(t)})"));
        var filter = documents is null ? string.Empty : $""" AND c."DocumentId" = ANY({Parameter(documents.ToArray())})""";
        var column = PostgresKeywordIndexSql.Column;
        var sql = $$"""
            SELECT c."Id" AS "Id", ts_rank_cd({3}, c."{{column}}", q.query, {{LogLengthNormalisation}})::double precision AS "Score"
            FROM "KnowledgeChunks" AS c, (SELECT {{query}} AS query) AS q
            WHERE c."{{column}}" @@ q.query AND c."KnowledgeBaseId" = {0} AND c."Generation" = {1} AND c."Searchable"{{filter}}
            ORDER BY "Score" DESC, c."Id"
            LIMIT {2}
            """;
        return FormattableStringFactory.Create(sql, [.. arguments]);
    }
}
