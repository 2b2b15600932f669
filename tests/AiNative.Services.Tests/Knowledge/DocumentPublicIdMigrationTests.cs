using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Documents written before ids were scoped to their base keep the ids callers know them by.</summary>
public sealed class DocumentPublicIdMigrationTests
{
    private const string Migration = "_DocumentPublicIds";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_from_before_the_migration_is_found_by_its_old_id_in_status_and_search()
    {
        using var database = new SharedTestDatabase();
        Guid documentId;
        await using (var old = await ServicesHost.StartAsync(settings: database.Settings))
        {
            await using var scope = old.InTeam(await old.DemoTeamIdAsync());
            await scope.CreateBaseAsync("Garden");
            documentId = (await scope.IngestAsync("Garden", Ingestion.Text("mulch.md", "# Mulch\n\nMulch keeps the garden soil moist."))).Id;
            await using var db = await scope.DbAsync();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Cancel);
            await old.StopAsync();
        }

        await using var migrated = await ServicesHost.StartAsync(settings: database.Settings);
        await using var team = migrated.InTeam(await migrated.DemoTeamIdAsync());
        var status = await team.Get<KnowledgeDocuments>().GetAsync("Garden", documentId, Cancel);
        var results = await team.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = "Garden", Query = "mulch", Mode = SearchMode.Keyword, DocumentIds = [documentId] }, Cancel);

        Assert.Equal((documentId, DocumentStatus.Ready), (status.Id, status.Status));
        Assert.Equal([documentId], results.Hits.Select(h => h.DocumentId));
        await using var after = await team.DbAsync();
        Assert.Equal(documentId, await after.KnowledgeDocuments.Where(d => d.Id == documentId).Select(d => d.PublicId).SingleAsync(Cancel));
    }
}
