using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Replicas;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>
/// Documents ingested on replica A (B runs no workers) as B's searches and pages see them, always on
/// PostgreSQL. Vector searches show what B's in-memory segment holds.
/// </summary>
public sealed class ReplicaKnowledgeTests
{
    private const string Base = "Zoo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static void NoWorkers(IServiceCollection services) => services.Configure<JobOptions>(o => o.Workers = 0);

    [Fact]
    public async Task A_document_ingested_on_one_replica_is_found_by_the_others_vector_search_and_gone_from_it_once_deleted()
    {
        // B's segments are never compared with the database (its clock stands still): only messages change them.
        var stoppedClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var replicas = await TwoReplicas.StartAsync(configureB: services =>
        {
            NoWorkers(services);
            services.AddSingleton(p => new VectorIndex(p.GetRequiredService<ReplicaChannel>(), stoppedClock));
        });
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        await using var b = replicas.B.InTeam(team);
        await a.CreateBaseAsync(Base);
        var wombats = await a.IngestAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."));
        Assert.Contains(wombats.Id, await VectorHitsAsync(b, "wombats burrows"));

        var koalas = await a.IngestAsync(Base, Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."));
        await Poll.TrueAsync("a document ready on A in B's segment", async () => (await VectorHitsAsync(b, "koalas eucalyptus")).Contains(koalas.Id));
        await a.Get<KnowledgeDocuments>().DeleteAsync(Base, wombats.Id, Cancel);
        await Poll.TrueAsync("a document deleted on A gone from B's segment", async () => !(await VectorHitsAsync(b, "wombats burrows")).Contains(wombats.Id));

        Assert.Equal(DocumentStatus.Ready, koalas.Status);
    }

    [Fact]
    public async Task Chunks_changed_without_a_message_are_seen_by_the_other_replicas_search_after_its_recheck()
    {
        await using var replicas = await TwoReplicas.StartAsync(configureB: NoWorkers);
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        await using var b = replicas.B.InTeam(team);
        await a.CreateBaseAsync(Base);
        var wombats = await a.IngestAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."));
        Assert.Contains(wombats.Id, await VectorHitsAsync(b, "wombats burrows"));

        // Changes nobody announces, as if their messages were lost.
        await SetSearchableAsync(a, wombats.Id, false);
        await Poll.TrueAsync("unannounced removal seen by B's recheck", async () => !(await VectorHitsAsync(b, "wombats burrows")).Contains(wombats.Id));
        await SetSearchableAsync(a, wombats.Id, true);
        await Poll.TrueAsync("unannounced addition seen by B's recheck", async () => (await VectorHitsAsync(b, "wombats burrows")).Contains(wombats.Id));
    }

    [Fact]
    public async Task Status_changes_of_a_document_ingested_on_one_replica_reach_a_page_watching_on_the_other()
    {
        await using var replicas = await TwoReplicas.StartAsync(configureB: NoWorkers);
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        var knowledgeBase = await a.CreateBaseAsync(Base);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        watching.CancelAfter(TimeSpan.FromSeconds(60));
        await using var changes = replicas.B.Services.GetRequiredService<KnowledgeEvents>()
            .WatchAsync(team, knowledgeBase.Id, watching.Token).GetAsyncEnumerator(watching.Token);

        // The first step of the watch subscribes before the upload: no change can come before it.
        var next = changes.MoveNextAsync();
        var uploaded = (await a.UploadAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."))).DocumentId!.Value;
        var seen = new List<DocumentStatus>();
        while (await next)
        {
            Assert.Equal(uploaded, changes.Current.DocumentId);
            seen.Add(changes.Current.Status);
            if (changes.Current.Status == DocumentStatus.Ready)
            {
                break;
            }

            next = changes.MoveNextAsync();
        }

        Assert.Equal([DocumentStatus.Queued, DocumentStatus.Processing, DocumentStatus.Ready], seen.Distinct());
    }

    private static async Task<List<Guid>> VectorHitsAsync(TeamScope scope, string query)
    {
        var results = await scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = Base, Query = query, Mode = SearchMode.Vector }, Cancel);
        return [.. results.Hits.Select(h => h.DocumentId)];
    }

    private static async Task SetSearchableAsync(TeamScope scope, Guid documentId, bool searchable)
    {
        await using var db = await scope.DbAsync();
        await db.KnowledgeChunks.Where(c => c.DocumentId == documentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Searchable, searchable), Cancel);
    }
}
