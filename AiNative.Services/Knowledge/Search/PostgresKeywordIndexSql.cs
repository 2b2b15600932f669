namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// PostgreSQL's keyword index over <see cref="KnowledgeChunk"/> text (weight A) and heading (weight B):
/// a stored generated <c>tsvector</c> column with a GIN index that leads with the base (<see cref="CreatePerBase"/>), added by raw SQL in PostgreSQL's
/// migration set, so the EF model stays the same on both providers (EF neither reads nor writes the
/// column). It tokenises and stems as SQLite's FTS5 index does (<see cref="SharedKeywordIndexSql"/>): words
/// split at punctuation as unicode61 splits them, English stemming like porter, case and diacritics
/// folded (<c>unaccent</c>: a contrib extension that Debian's postgresql-15 package includes, marked
/// trusted, so a database owner without superuser rights may create it), and no stop words dropped.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to change the type of a column that a generated column reads: a migration that
/// alters <c>Text</c> or <c>Heading</c> must run <see cref="Drop"/> before the change and <see cref="Create"/> after it.
/// </remarks>
public static class PostgresKeywordIndexSql
{
    public const string Column = "KeywordVector";

    /// <summary>The text search configuration documents and queries are both read with.</summary>
    public const string Configuration = "portal_english";

    private const string Stemmer = "portal_english_stem";

    private const string SharedIndex = $"IX_KnowledgeChunks_{Column}";

    private const string PerBaseIndex = $"IX_KnowledgeChunks_KnowledgeBaseId_DocumentId_{Column}";

    public static IReadOnlyList<string> Create { get; } =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent;",
        // Snowball's English stemmer without its stop word list: FTS5 indexes every word, and a query of
        // only common words ("what is it") still searches for them.
        $"CREATE TEXT SEARCH DICTIONARY {Stemmer} (TEMPLATE = snowball, LANGUAGE = english);",
        $"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = english);",
        $"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR asciiword, word WITH unaccent, {Stemmer};",
        $"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR numword WITH unaccent, simple;",
        // Punctuation becomes a space first: PostgreSQL's parser would keep "appsettings.json" or "ZX-4471"
        // as one token, where FTS5 (and QueryTerms) see two words.
        $"""
        ALTER TABLE "KnowledgeChunks" ADD COLUMN "{Column}" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{Configuration}', regexp_replace("Text", '[[:punct:]]+', ' ', 'g')), 'A')
            || setweight(to_tsvector('{Configuration}', regexp_replace(coalesce("Heading", ''), '[[:punct:]]+', ' ', 'g')), 'B')) STORED;
        """,
        $"""CREATE INDEX "{SharedIndex}" ON "KnowledgeChunks" USING gin ("{Column}");""",
    ];

    /// <summary>
    /// The GIN index per base (the PerBaseKeywordIndex migration): the base and the document are keys of
    /// the same index as the words (<c>btree_gin</c>, a trusted contrib extension like unaccent), so a
    /// search intersects the base's entry, and a document filter's entries, with the words' entries
    /// instead of walking every base's postings of a common word.
    /// </summary>
    public static IReadOnlyList<string> CreatePerBase { get; } =
    [
        "CREATE EXTENSION IF NOT EXISTS btree_gin;",
        $"""DROP INDEX IF EXISTS "{SharedIndex}";""",
        $"""CREATE INDEX "{PerBaseIndex}" ON "KnowledgeChunks" USING gin ("KnowledgeBaseId", "DocumentId", "{Column}");""",
    ];

    // btree_gin stays, as unaccent does.
    public static IReadOnlyList<string> DropPerBase { get; } =
    [
        $"""DROP INDEX IF EXISTS "{PerBaseIndex}";""",
        $"""CREATE INDEX "{SharedIndex}" ON "KnowledgeChunks" USING gin ("{Column}");""",
    ];

    // The unaccent extension stays: the database may use it elsewhere, and dropping it may need rights the portal lacks.
    public static IReadOnlyList<string> Drop { get; } =
    [
        $"""DROP INDEX IF EXISTS "{SharedIndex}";""",
        $"""ALTER TABLE "KnowledgeChunks" DROP COLUMN IF EXISTS "{Column}";""",
        $"DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration};",
        $"DROP TEXT SEARCH DICTIONARY IF EXISTS {Stemmer};",
    ];
}
