using System.Globalization;
using System.Numerics;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// SQLite's keyword index: an FTS5 table per knowledge base and generation holding that generation's
/// searchable chunks, so a search reads its own base's postings only and BM25's statistics (rarity,
/// average length) are the base's own. Contentless (the text stays in <c>KnowledgeChunks</c>), with
/// <c>contentless_delete</c> so rows go by rowid. The <c>Scope</c> column holds the chunk's document
/// as one token, which lets a document filter be part of the MATCH (<see cref="SqliteKeywordQuery"/>).
/// The application writes these tables through <see cref="KeywordIndexMaintenance"/>: a trigger
/// cannot choose a table by a row's base, and a trigger per base would make every chunk written pay
/// for every base in the portal.
/// </summary>
internal static class SqliteKeywordTables
{
    private const string Prefix = "KeywordIndex_";

    public static string Name(Guid baseId, int generation) => string.Create(CultureInfo.InvariantCulture, $"{BasePrefix(baseId)}{generation}");

    /// <summary>
    /// The document as a token of digits only: the porter stemmer rewrites letter endings ("…ed", "…e"),
    /// which could make two documents' hexadecimal ids one token.
    /// </summary>
    public static string DocumentToken(Guid documentId) =>
        new BigInteger(documentId.ToByteArray(), isUnsigned: true).ToString(CultureInfo.InvariantCulture);

    /// <summary>The MATCH expression that finds every chunk of one of <paramref name="documents"/>.</summary>
    public static string ScopeQuery(IEnumerable<Guid> documents) =>
        $"\"Scope\" : ({string.Join(" OR ", documents.Select(d => $"\"{DocumentToken(d)}\""))})";

    public static async Task<bool> ExistsAsync(PortalDbContext db, string table, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM sqlite_schema WHERE type = 'table' AND name = {table}""")
            .SingleAsync(cancellationToken) > 0;

    /// <summary>The generations of the base that have a table.</summary>
    public static async Task<List<int>> GenerationsAsync(PortalDbContext db, Guid baseId, CancellationToken cancellationToken)
    {
        var prefix = BasePrefix(baseId);
        // Only the virtual tables: FTS5's shadow tables (…_data, …_idx) share the prefix.
        var names = await db.Database.SqlQuery<string>(
                $"""SELECT name AS "Value" FROM sqlite_schema WHERE type = 'table' AND substr(name, 1, {prefix.Length}) = {prefix} AND sql LIKE 'CREATE VIRTUAL TABLE%'""")
            .ToListAsync(cancellationToken);
        return [.. names.Select(n => int.Parse(n[prefix.Length..], CultureInfo.InvariantCulture))];
    }

    // Porter stemming lets "documents" find "document"; unicode61 folds case and diacritics (as the shared table did).
    public static Task CreateAsync(PortalDbContext db, string table, CancellationToken cancellationToken) =>
        ExecuteAsync(
            db,
            $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS "{table}" USING fts5(
                "Text", "Heading", "Scope",
                content='', contentless_delete=1,
                tokenize='porter unicode61 remove_diacritics 2');
            """,
            cancellationToken);

    public static Task DropAsync(PortalDbContext db, string table, CancellationToken cancellationToken) =>
        ExecuteAsync(db, $"""DROP TABLE IF EXISTS "{table}";""", cancellationToken);

    /// <summary>Indexes the document's searchable chunks of the table's generation.</summary>
    public static Task AddDocumentAsync(PortalDbContext db, string table, int generation, Guid documentId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            db,
            $"""
            INSERT INTO "{table}"(rowid, "Text", "Heading", "Scope")
            SELECT "Id", "Text", "Heading", {"{0}"} FROM "KnowledgeChunks"
            WHERE "DocumentId" = {"{1}"} AND "Generation" = {"{2}"} AND "Searchable";
            """,
            cancellationToken,
            DocumentToken(documentId), documentId, generation);

    /// <summary>Removes the document's chunks found by its scope token, whether or not their rows still exist.</summary>
    public static Task RemoveDocumentAsync(PortalDbContext db, string table, Guid documentId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            db,
            $"""DELETE FROM "{table}" WHERE rowid IN (SELECT rowid FROM "{table}" WHERE "{table}" MATCH {"{0}"});""",
            cancellationToken,
            ScopeQuery([documentId]));

    // Table names come from Name (a Guid's hexadecimal digits and a number), never from user text; values are parameters.
    private static Task ExecuteAsync(PortalDbContext db, string sql, CancellationToken cancellationToken, params object[] parameters) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    private static string BasePrefix(Guid baseId) => $"{Prefix}{baseId:N}_";
}
