using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>A document deleted while its ingestion runs; the workers are off and the test runs the pipeline itself.</summary>
public sealed class DeleteDuringIngestionTests
{
    private const string Base = "Zoo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_deleted_while_it_waits_to_be_embedded_ends_its_run_quietly_and_leaves_no_hit()
    {
        var gates = new EmbedGates();
        await using var host = await ServicesHost.StartAsync(services =>
        {
            services.Configure<JobOptions>(o => o.Workers = 0);
            services.Remove(services.Single(s => s.ImplementationType == typeof(EmbedStep)));
            services.AddScoped<EmbedStep>();
            services.AddScoped<IPipelineStepHandler, GatedEmbedStep>();
            services.AddSingleton(gates);
        });
        var team = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(team);
        await scope.CreateBaseAsync(Base);
        var wombats = (await scope.UploadAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."))).DocumentId!.Value;

        gates.Ingestion.Close();
        var ingestion = RunIngestionAsync(host, team, wombats);
        await gates.Ingestion.Reached.WaitAsync(Cancel);
        await scope.Get<KnowledgeDocuments>().DeleteAsync(Base, wombats, Cancel);
        gates.Ingestion.Open();
        var outcome = await ingestion;

        Assert.Equal(JobOutcomeKind.Done, outcome.Kind);
        await AssertGoneAsync(scope, wombats);
    }

    [Fact]
    public async Task A_document_deleted_before_it_is_partitioned_gets_no_chunk_or_vector_even_without_foreign_keys()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
        await using var host = await ServicesHost.StartAsync(
            services => services.Configure<JobOptions>(o => o.Workers = 0),
            folder,
            new Dictionary<string, string?> { ["Portal:Storage:Provider"] = "Sqlite", ["Portal:Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")};Foreign Keys=False" });
        var team = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(team);
        await scope.CreateBaseAsync(Base);
        var koalas = (await scope.UploadAsync(Base, Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."))).DocumentId!.Value;
        Assert.Equal(JobOutcomeKind.Done, (await RunIngestionAsync(host, team, koalas)).Kind);
        await SearchAsync(scope, "koalas");
        var wombats = (await scope.UploadAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."))).DocumentId!.Value;

        await using var db = await scope.DbAsync();
        var document = await db.KnowledgeDocuments.Include(d => d.KnowledgeBase).SingleAsync(d => d.Id == wombats, Cancel);
        var context = new PipelineContext { Document = document, Base = document.KnowledgeBase, ReportProgressAsync = (_, _) => Task.CompletedTask };
        var result = await scope.Get<IngestionOrchestrator>().RunStepsAsync(
            context,
            async step =>
            {
                if (step == PipelineSteps.Partition)
                {
                    await scope.Get<KnowledgeDocuments>().DeleteAsync(Base, wombats, Cancel);
                }
            },
            () => Task.CompletedTask,
            Cancel);

        Assert.Equal(StepResultKind.DocumentDeleted, result.Kind);
        await AssertGoneAsync(scope, wombats);
    }

    private static async Task AssertGoneAsync(TeamScope scope, Guid documentId)
    {
        await using var db = await scope.DbAsync();
        Assert.False(await db.KnowledgeChunks.IgnoreQueryFilters().AnyAsync(c => c.DocumentId == documentId, Cancel));
        var results = await SearchAsync(scope, "wombats burrows");
        Assert.DoesNotContain(results.Hits, h => h.DocumentId == documentId);
        var baseId = results.KnowledgeBaseId;
        var generation = await db.KnowledgeBases.Where(b => b.Id == baseId).Select(b => b.ActiveGeneration).SingleAsync(Cancel);
        var searchable = await db.KnowledgeChunks.CountAsync(c => c.KnowledgeBaseId == baseId && c.Generation == generation && c.Searchable, Cancel);
        var reader = new VectorSegmentReader(scope.Get<IDbContextFactory<PortalDbContext>>(), OfflineModels.EmbeddingDimensions);
        var segment = await scope.Get<VectorIndex>().GetAsync(baseId, generation, reader, Cancel);
        Assert.Equal(searchable, segment.Count);
    }

    private static Task<SearchResults> SearchAsync(TeamScope scope, string query) =>
        scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = Base, Query = query, Mode = SearchMode.Vector }, Cancel);

    private static async Task<JobOutcome> RunIngestionAsync(ServicesHost host, Guid team, Guid documentId)
    {
        await using var scope = host.InTeam(team);
        return await Task.Run(() => scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel), Cancel);
    }
}
