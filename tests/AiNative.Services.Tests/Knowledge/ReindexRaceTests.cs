using System.Text.Json;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Re-indexing a base whose documents change meanwhile; the workers are off unless a test turns them on.</summary>
public sealed class ReindexRaceTests : IAsyncLifetime
{
    private const string Base = "Zoo";
    private readonly EmbedGates _gates = new();
    private ServicesHost _host = null!;
    private Guid _team;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await StartAsync(o => o.Workers = 0);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Waiting_for_a_long_ingestion_does_not_use_up_the_re_index_attempts()
    {
        await _host.DisposeAsync();
        await StartAsync(o => o.MaxAttempts = 1);
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        await _host.Services.WaitUntilReadyAsync(_team, KnowledgeArrangements.Handbook);
        _gates.Ingestion.Close();
        await scope.UploadAsync(Base, Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."));
        await _gates.Ingestion.Reached.WaitAsync(Cancel);

        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);
        var waiting = await Poll.UntilAsync(ReindexJobMessageAsync, m => m.StartsWith("Waiting for 1 document", StringComparison.Ordinal));
        _gates.Ingestion.Open();
        var rebuilt = await Poll.UntilAsync(() => scope.Get<KnowledgeBases>().GetAsync(zoo.Id, Cancel), b => !b.IsReindexing || b.ReindexError is not null);

        Assert.Equal("Waiting for 1 document(s) being ingested.", waiting);
        Assert.Null(rebuilt.ReindexError);
        Assert.False(rebuilt.IsReindexing);
        Assert.Equal(100, rebuilt.Partitioning.MaxTokensPerChunk);
        Assert.Equal(DocumentStatus.Ready, (await scope.AllSettledAsync(Base)).Single().Status);
    }

    [Fact]
    public async Task A_document_still_being_ingested_when_the_rebuild_ends_is_not_lost_by_the_swap()
    {
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        await IngestAsync(Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."));
        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);

        // The re-index passes its check for documents in flight and rebuilds koalas.md; then wombats.md is uploaded and partitioned.
        _gates.Reindex.Close();
        var reindex = RunReindexAsync(zoo.Id);
        await _gates.Reindex.Reached.WaitAsync(Cancel);
        _gates.Ingestion.Close();
        var wombats = await scope.UploadAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."));
        var ingestion = RunIngestionAsync(wombats.DocumentId!.Value);
        await _gates.Ingestion.Reached.WaitAsync(Cancel);
        _gates.Reindex.Open();
        var firstOutcome = await reindex;
        _gates.Ingestion.Open();
        await ingestion;
        var secondOutcome = await RunReindexAsync(zoo.Id);

        Assert.NotEqual(JobOutcomeKind.Done, firstOutcome.Kind);
        Assert.Equal(JobOutcomeKind.Done, secondOutcome.Kind);
        var rebuilt = await scope.Get<KnowledgeBases>().GetAsync(zoo.Id, Cancel);
        Assert.False(rebuilt.IsReindexing);
        var document = await scope.Get<KnowledgeDocuments>().GetAsync(Base, wombats.DocumentId!.Value, Cancel);
        Assert.Equal(DocumentStatus.Ready, document.Status);
        await using var db = await scope.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == zoo.Id).ToListAsync(Cancel);
        Assert.Equal(1, chunks.Count(c => c.DocumentId == document.Id));
        Assert.Equal(document.ChunkCount, chunks.Count(c => c.DocumentId == document.Id));
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Searchable && c.Generation == rebuilt.ActiveGeneration));
        var hits = await scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = Base, Query = "wombats burrows", Mode = SearchMode.Vector }, Cancel);
        Assert.Equal("wombats.md", hits.Hits[0].DocumentName);
    }

    [Fact]
    public async Task A_re_index_rebuilds_a_document_whose_extracted_text_went_with_another_document()
    {
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        await IngestAsync(Ingestion.Text("koalas.txt", "Koalas eat eucalyptus leaves.\n"));
        await IngestAsync(Ingestion.Text("koalas-copy.txt", "Koalas eat eucalyptus leaves.\n\n"));
        var documents = await scope.Get<KnowledgeDocuments>().ListAsync(Base, Cancel);
        await using (var db = await scope.DbAsync())
        {
            // Different files, the same text: one extracted-text blob serves both.
            var pipelines = await db.KnowledgeDocuments.Where(d => d.KnowledgeBaseId == zoo.Id).Select(d => d.Pipeline).ToListAsync(Cancel);
            Assert.Equal(2, pipelines.Count(p => p.ExtractedBlob is not null));
            Assert.Single(pipelines.Select(p => p.ExtractedBlob).Distinct());
        }

        await scope.Get<KnowledgeDocuments>().DeleteAsync(Base, documents.Single(d => d.FileName == "koalas-copy.txt").Id, Cancel);
        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);
        var outcome = await RunReindexAsync(zoo.Id);

        Assert.Equal(JobOutcomeKind.Done, outcome.Kind);
        var rebuilt = await scope.Get<KnowledgeBases>().GetAsync(zoo.Id, Cancel);
        Assert.False(rebuilt.IsReindexing);
        var hits = await scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = Base, Query = "eucalyptus leaves" }, Cancel);
        Assert.Equal("koalas.txt", Assert.Single(hits.Hits).DocumentName);
    }

    [Fact]
    public async Task A_re_index_longer_than_half_the_maximum_run_time_goes_on_over_several_runs()
    {
        await _host.DisposeAsync();
        await StartAsync(o =>
        {
            o.Workers = 0;
            o.MaxRunTime = TimeSpan.FromMilliseconds(1);
        });
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        foreach (var animal in new[] { "Koalas", "Wombats", "Quokkas" })
        {
            await IngestAsync(Ingestion.Text($"{animal}.md", $"# {animal}\n\n{animal} live in Australia."));
        }

        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);
        var outcomes = new List<JobOutcome>();
        do
        {
            outcomes.Add(await RunReindexAsync(zoo.Id));
        }
        while (outcomes[^1].Kind == JobOutcomeKind.Postpone && outcomes.Count < 5);

        Assert.Equal([JobOutcomeKind.Postpone, JobOutcomeKind.Postpone, JobOutcomeKind.Done], outcomes.Select(o => o.Kind));
        Assert.Equal("Rebuilt 1 of 3 documents; continuing.", outcomes[0].Reason);
        var rebuilt = await scope.Get<KnowledgeBases>().GetAsync(zoo.Id, Cancel);
        Assert.False(rebuilt.IsReindexing);
        await using var db = await scope.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == zoo.Id).ToListAsync(Cancel);
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Searchable && c.Generation == rebuilt.ActiveGeneration));
    }

    [Fact]
    public async Task A_document_left_processing_without_an_ingestion_job_is_resumed_and_the_re_index_completes()
    {
        await _host.DisposeAsync();
        await StartAsync(_ => { });
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        var koalas = await scope.IngestAsync(Base, Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."));
        await using (var db = await scope.DbAsync())
        {
            // As a crash while its job failed would leave it: processing, with no job to finish it.
            var document = await db.KnowledgeDocuments.SingleAsync(d => d.Id == koalas.Id, Cancel);
            document.Status = DocumentStatus.Processing;
            document.Pipeline = IngestionPipeline.Start();
            await db.SaveChangesAsync(Cancel);
        }

        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);
        var rebuilt = await Poll.UntilAsync(() => scope.Get<KnowledgeBases>().GetAsync(zoo.Id, Cancel), b => !b.IsReindexing || b.ReindexError is not null);

        Assert.Null(rebuilt.ReindexError);
        Assert.False(rebuilt.IsReindexing);
        Assert.Equal(100, rebuilt.Partitioning.MaxTokensPerChunk);
        Assert.Equal(DocumentStatus.Ready, (await scope.Get<KnowledgeDocuments>().GetAsync(Base, koalas.Id, Cancel)).Status);
    }

    [Fact]
    public async Task A_re_index_that_has_waited_for_ingestion_longer_than_its_limit_fails_in_words()
    {
        await using var scope = _host.InTeam(_team);
        var zoo = await scope.CreateBaseAsync(Base);
        await scope.UploadAsync(Base, Ingestion.Text("koalas.md", "# Koalas\n\nKoalas eat eucalyptus leaves."));
        await scope.Get<KnowledgeBases>().UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, null, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);

        var waited = await RunReindexAsync(zoo.Id, DateTimeOffset.UtcNow - ReindexJob.MaxWaitForIngestion - TimeSpan.FromMinutes(1));

        Assert.Equal(JobOutcomeKind.Fail, waited.Kind);
        Assert.StartsWith("Re-indexing waited more than 12 hours for 1 document(s) being ingested and stopped", waited.Reason);
    }

    private async Task StartAsync(Action<JobOptions> jobs)
    {
        _host = await ServicesHost.StartAsync(services =>
        {
            services.Configure(jobs);
            services.Remove(services.Single(s => s.ImplementationType == typeof(EmbedStep)));
            services.AddScoped<EmbedStep>();
            services.AddScoped<IPipelineStepHandler, GatedEmbedStep>();
            services.AddSingleton(_gates);
        });
        _team = await _host.DemoTeamIdAsync();
    }

    private async Task<string> ReindexJobMessageAsync()
    {
        await using var scope = _host.InTeam(_team);
        await using var db = await scope.DbAsync();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Kind == ReindexJob.JobKind, Cancel);
        return job?.ProgressMessage ?? job?.Error ?? string.Empty;
    }

    private async Task IngestAsync(UploadFile file)
    {
        await using var scope = _host.InTeam(_team);
        var outcome = await scope.UploadAsync(Base, file);
        Assert.Equal(JobOutcomeKind.Done, (await RunIngestionAsync(outcome.DocumentId!.Value)).Kind);
    }

    private async Task<JobOutcome> RunIngestionAsync(Guid documentId)
    {
        await using var scope = _host.InTeam(_team);
        return await Task.Run(() => scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel), Cancel);
    }

    private async Task<JobOutcome> RunReindexAsync(Guid baseId, DateTimeOffset? waitingSince = null)
    {
        await using var scope = _host.InTeam(_team);
        await using var db = await scope.DbAsync();
        var generation = await db.KnowledgeBases.Where(b => b.Id == baseId).Select(b => b.BuildingGeneration).SingleAsync(Cancel);
        var payload = JsonSerializer.Serialize(new ReindexPayload(baseId, generation ?? 0, waitingSince));
        var run = new JobRun(new ClaimedJob(Guid.NewGuid(), _team, "Demo team", ReindexJob.JobKind, payload, 1, DateTimeOffset.MaxValue), (_, _, _) => Task.CompletedTask);
        var handler = scope.Get<IEnumerable<IJobHandler>>().Single(h => h.Kind == ReindexJob.JobKind);
        return await Task.Run(() => handler.RunAsync(run, Cancel), Cancel);
    }
}
