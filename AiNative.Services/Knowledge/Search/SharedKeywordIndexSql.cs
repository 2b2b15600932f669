namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// SQLite's first keyword index: one FTS5 table over every base's chunks, kept in step by triggers. A
/// common word walked the postings of every base, and BM25's statistics mixed bases, so one team's
/// upload slowed and re-ranked another's searches. <see cref="SqliteKeywordTables"/> replaced it with a
/// table per base and generation; the Knowledge migration still creates this one and the
/// PerBaseKeywordIndex migration drops it (<see cref="Drop"/>, or <see cref="Create"/> and
/// <see cref="Rebuild"/> going back down).
/// </summary>
public static class SharedKeywordIndexSql
{
    public const string Table = "KnowledgeChunksFts";

    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    // External content: the index stores no second copy of the text, only its terms. Porter stemming
    // lets "documents" find "document"; unicode61 folds case and diacritics.
    public static IReadOnlyList<string> Create { get; } =
    [
        $"""
        CREATE VIRTUAL TABLE "{Table}" USING fts5(
            "Text", "Heading",
            content='KnowledgeChunks', content_rowid='Id',
            tokenize='porter unicode61 remove_diacritics 2');
        """,
        $"""
        CREATE TRIGGER "KnowledgeChunks_fts_insert" AFTER INSERT ON "KnowledgeChunks" BEGIN
            INSERT INTO "{Table}"(rowid, "Text", "Heading") VALUES (new."Id", new."Text", new."Heading");
        END;
        """,
        $"""
        CREATE TRIGGER "KnowledgeChunks_fts_delete" AFTER DELETE ON "KnowledgeChunks" BEGIN
            INSERT INTO "{Table}"("{Table}", rowid, "Text", "Heading") VALUES ('delete', old."Id", old."Text", old."Heading");
        END;
        """,
        // Only text changes touch the index; making chunks searchable or adding vectors does not.
        $"""
        CREATE TRIGGER "KnowledgeChunks_fts_update" AFTER UPDATE OF "Text", "Heading" ON "KnowledgeChunks" BEGIN
            INSERT INTO "{Table}"("{Table}", rowid, "Text", "Heading") VALUES ('delete', old."Id", old."Text", old."Heading");
            INSERT INTO "{Table}"(rowid, "Text", "Heading") VALUES (new."Id", new."Text", new."Heading");
        END;
        """,
    ];

    /// <summary>Fills the table from every chunk: external content lets FTS5 read them itself.</summary>
    public static IReadOnlyList<string> Rebuild { get; } = [$"""INSERT INTO "{Table}"("{Table}") VALUES ('rebuild');"""];

    public static IReadOnlyList<string> Drop { get; } =
    [
        """DROP TRIGGER IF EXISTS "KnowledgeChunks_fts_update";""",
        """DROP TRIGGER IF EXISTS "KnowledgeChunks_fts_delete";""",
        """DROP TRIGGER IF EXISTS "KnowledgeChunks_fts_insert";""",
        $"""DROP TABLE IF EXISTS "{Table}";""",
    ];

    /// <summary>Runs <paramref name="statements"/> in a migration on SQLite; other providers have their own keyword index.</summary>
    public static void Apply(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder, IReadOnlyList<string> statements)
    {
        if (migrationBuilder.ActiveProvider != SqliteProvider)
        {
            return;
        }

        foreach (var statement in statements)
        {
            migrationBuilder.Sql(statement);
        }
    }
}
