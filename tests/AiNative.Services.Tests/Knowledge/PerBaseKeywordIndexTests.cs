using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>The keyword index follows each base on both providers: other bases neither slow nor re-rank it, filters apply inside it, and changes keep it whole.</summary>
public sealed class PerBaseKeywordIndexTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => KeywordSearchTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_small_base_finds_the_same_hits_with_the_same_scores_after_a_large_base_is_added_elsewhere(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        await portal.Scope.CreateBaseAsync("Small");
        await portal.Scope.IngestAsync("Small", Ingestion.Text("heap.md", "# Heap\n\nCompost, compost and more compost: the heap keeps growing."));
        await portal.Scope.IngestAsync("Small", Ingestion.Text("beds.md", "# Beds\n\nThe raised beds need fresh soil every spring."));
        await portal.Scope.IngestAsync("Small", Ingestion.Text("shed.md", "# Shed\n\nTools hang on the shed wall."));
        var before = await portal.SearchAsync("Small", "compost soil");

        // Compost in every chunk of another base: in an index shared by both it would count as a common word and weigh almost nothing.
        await portal.Scope.CreateBaseAsync("Large", KeywordBase.SmallChunks);
        var large = await portal.Scope.IngestAsync("Large", KeywordBase.Sections("farm.md", 120, i => $"Compost batch {i} turned and watered on the farm."));
        var after = await portal.SearchAsync("Small", "compost soil");

        Assert.Equal(DocumentStatus.Ready, large.Status);
        Assert.True(large.ChunkCount >= 100, $"the large base has {large.ChunkCount} chunks");
        Assert.Equal(["heap.md", "beds.md"], before.Hits.Select(h => h.DocumentName));
        Assert.Equal(before.Hits.Select(h => (h.ChunkId, h.KeywordScore)), after.Hits.Select(h => (h.ChunkId, h.KeywordScore)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_narrow_tag_filter_on_a_large_base_returns_top_k_hits_when_that_many_match(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        await portal.Scope.CreateBaseAsync("Farm", KeywordBase.SmallChunks);
        // Chunks that outrank every chosen one, more than the keyword candidates a search takes (40).
        await portal.Scope.IngestAsync("Farm", KeywordBase.Sections("noise.md", 80, i => $"Compost compost compost compost, heap {i}."));
        var chosen = await portal.Scope.IngestAsync(
            "Farm",
            KeywordBase.Sections("log.md", 15, i => $"Day {i}: the weather was mild, the geese were loud, and we spread some compost on the beds."),
            new Dictionary<string, List<string>> { ["kind"] = ["log"] });
        int matching;
        await using (var db = await portal.DbAsync())
        {
            matching = await db.KnowledgeChunks.CountAsync(c => c.DocumentId == chosen.Id && c.Searchable && c.Text.Contains("compost"), Cancel);
        }

        var filtered = await portal.SearchAsync("Farm", "compost", topK: 10, tags: new Dictionary<string, List<string>> { ["kind"] = ["log"] });
        var unfiltered = await portal.SearchAsync("Farm", "compost", topK: 10);

        Assert.True(matching >= 10, $"the chosen document has {matching} matching chunks");
        Assert.Equal(10, filtered.Hits.Count);
        Assert.All(filtered.Hits, h => Assert.Equal("log.md", h.DocumentName));
        Assert.All(unfiltered.Hits, h => Assert.Equal("noise.md", h.DocumentName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Re_indexing_leaves_the_index_of_the_new_generation_only(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        var created = await portal.Scope.CreateBaseAsync("Zoo");
        await portal.Scope.IngestAsync("Zoo", KeywordBase.Sections("koalas.md", 6, i => $"Koalas sleep in eucalyptus trees, part {i} of the guide to marsupials."));
        var bases = portal.Scope.Get<KnowledgeBases>();

        await bases.UpdateAsync(created.Id, new KnowledgeBaseInput("Zoo", null, created.EmbeddingModelId, KeywordBase.SmallChunks), Cancel);
        var rebuilt = await portal.Scope.WaitUntilReindexedAsync(created.Id);
        var results = await portal.SearchAsync("Zoo", "eucalyptus");

        Assert.Equal(2, rebuilt.ActiveGeneration);
        await using var db = await portal.DbAsync();
        var current = await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == created.Id).Select(c => new { c.Id, c.Generation }).ToListAsync(Cancel);
        Assert.All(current, c => Assert.Equal(2, c.Generation));
        Assert.Equal(current.Select(c => c.Id).Order(), results.Hits.Select(h => h.ChunkId).Order());
        Assert.Equal(provider == DatabaseProvider.Sqlite ? [2] : [], await portal.KeywordTablesAsync(created.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_document_is_no_longer_found_and_its_neighbours_still_are(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        await portal.Scope.CreateBaseAsync("Garden");
        var gone = await portal.Scope.IngestAsync("Garden", Ingestion.Text("mulch.md", "# Mulch\n\nMulch keeps the garden soil moist."));
        await portal.Scope.IngestAsync("Garden", Ingestion.Text("beds.md", "# Beds\n\nThe raised beds need fresh soil."));

        await portal.Scope.Get<KnowledgeDocuments>().DeleteAsync("Garden", gone.Id, Cancel);
        var results = await portal.SearchAsync("Garden", "soil mulch");

        Assert.Equal(["beds.md"], results.Hits.Select(h => h.DocumentName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_base_leaves_no_index_and_a_new_base_of_its_name_starts_empty(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        var first = await portal.Scope.CreateBaseAsync("Garden");
        await portal.Scope.IngestAsync("Garden", Ingestion.Text("mulch.md", "# Mulch\n\nMulch keeps the garden soil moist."));
        var tablesBefore = await portal.KeywordTablesAsync(first.Id);

        await portal.Scope.Get<KnowledgeBases>().DeleteAsync(first.Id, Cancel);
        await portal.Scope.CreateBaseAsync("Garden");
        var results = await portal.SearchAsync("Garden", "mulch");

        Assert.Equal(provider == DatabaseProvider.Sqlite ? [1] : [], tablesBefore);
        Assert.Empty(await portal.KeywordTablesAsync(first.Id));
        Assert.Empty(results.Hits);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_team_deletes_the_keyword_index_of_each_of_its_bases(DatabaseProvider provider)
    {
        await using var portal = await KeywordBase.StartAsync(provider);
        var teamId = await portal.Host.CreateTeamAsync("Orchard");
        await using var orchard = portal.Host.InTeam(teamId);
        var model = await AddOfflineEmbeddingModelAsync(orchard);
        var apples = await orchard.CreateBaseAsync("Apples", embeddingModelId: model.Id);
        var pears = await orchard.CreateBaseAsync("Pears", embeddingModelId: model.Id);
        await orchard.IngestAsync("Apples", Ingestion.Text("pruning.md", "# Pruning\n\nPrune apple trees in late winter."));
        await orchard.IngestAsync("Pears", Ingestion.Text("picking.md", "# Picking\n\nPick pears before they ripen."));
        var tablesBefore = (await portal.KeywordTablesAsync(apples.Id)).Concat(await portal.KeywordTablesAsync(pears.Id));
        var admin = await portal.Host.CreateUserAsync("admin@example.com", isAdministrator: true);

        await using (var scope = portal.Host.WithoutTeam())
        {
            await scope.Get<TeamAdministration>().DeleteAsync(admin.Id, teamId, Cancel);
        }

        Assert.Equal(provider == DatabaseProvider.Sqlite ? [1, 1] : [], tablesBefore);
        Assert.Empty(await portal.KeywordTablesAsync(apples.Id));
        Assert.Empty(await portal.KeywordTablesAsync(pears.Id));
        await using var db = await portal.DbAsync();
        Assert.False(await db.KnowledgeChunks.IgnoreQueryFilters().AnyAsync(c => c.TeamId == teamId, Cancel));
    }

    private static async Task<ModelDefinition> AddOfflineEmbeddingModelAsync(TeamScope scope)
    {
        await using var db = await scope.DbAsync();
        var model = new ModelDefinition
        {
            Provider = new ModelProvider { Name = OfflineModels.ProviderName, Kind = ProviderKind.Offline },
            Name = OfflineModels.EmbeddingModelId,
            ProviderModelId = OfflineModels.EmbeddingModelId,
            Kind = ModelKind.Embedding,
            ContextWindow = OfflineModels.ContextWindow,
            EmbeddingDimensions = OfflineModels.EmbeddingDimensions,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync(Cancel);
        return model;
    }
}
