using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>SQLite databases indexed in the shared FTS5 table move to tables per base when the portal starts on them.</summary>
public sealed class KeywordIndexMigrationTests
{
    private const string MigrationBefore = "20261206162319_ExactAmountsData";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_base_indexed_in_the_shared_table_is_found_after_the_portal_starts_on_the_migrated_database()
    {
        using var database = new SharedTestDatabase(DatabaseProvider.Sqlite);
        Guid baseId;
        await using (var old = await ServicesHost.StartAsync(settings: database.Settings))
        {
            await using var scope = old.InTeam(await old.DemoTeamIdAsync());
            baseId = (await scope.CreateBaseAsync("Garden")).Id;
            await scope.IngestAsync("Garden", Ingestion.Text("mulch.md", "# Mulch\n\nMulch keeps the garden soil moist."));
            await using var db = await scope.DbAsync();
            // As a database from before the migration: the shared table holds every chunk, and no base has a table.
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore, Cancel);
            await SqliteKeywordTables.DropAsync(db, SqliteKeywordTables.Name(baseId, 1), Cancel);
            Assert.Equal(1, await CountAsync(db, $"""SELECT count(*) AS "Value" FROM "KnowledgeChunksFts" WHERE "KnowledgeChunksFts" MATCH 'mulch'"""));
            await old.StopAsync();
        }

        await using var migrated = await ServicesHost.StartAsync(settings: database.Settings);
        await using var team = migrated.InTeam(await migrated.DemoTeamIdAsync());
        var results = await team.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = "Garden", Query = "mulch", Mode = SearchMode.Keyword }, Cancel);

        Assert.Equal(["mulch.md"], results.Hits.Select(h => h.DocumentName));
        await using var after = await team.DbAsync();
        Assert.Equal(0, await CountAsync(after, $"""SELECT count(*) AS "Value" FROM sqlite_schema WHERE name = 'KnowledgeChunksFts'"""));
        Assert.Equal([1], await SqliteKeywordTables.GenerationsAsync(after, baseId, Cancel));
    }

    private static Task<int> CountAsync(AiNative.Services.Data.PortalDbContext db, FormattableString sql) =>
        db.Database.SqlQuery<int>(sql).SingleAsync(Cancel);
}
