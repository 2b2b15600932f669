namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// SQLite's keyword index: an FTS5 table over <see cref="KnowledgeChunk"/> text and headings, kept in
/// step by triggers. PostgreSQL has an index of its own that finds the same words
/// (<see cref="PostgresKeywordIndexSql"/>); <see cref="KeywordSearch"/> queries whichever the database has.
/// Neither is part of the EF model. SQLite's migrations call <see cref="Create"/> and <see cref="Drop"/>
/// through <see cref="Apply"/>, so a regenerated migration needs only these two calls carried over.
/// </summary>
public static class KeywordIndexSql
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
