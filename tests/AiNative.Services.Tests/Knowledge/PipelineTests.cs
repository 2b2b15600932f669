using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Knowledge;

public sealed class PipelineTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Handbook(int sections) => string.Join("\n\n", Enumerable.Range(1, sections).Select(i =>
        $"## Section {i}\n\nThe portal ingests document {i} in steps. Chunk {i} carries its own words about topic{i}."));

    [Fact]
    public async Task A_pipeline_stopped_between_steps_resumes_on_restart_with_no_chunk_lost_or_doubled()
    {
        // Declared first, disposed last: disposing a host deletes the data folder the second host still uses.
        await using var first = await ServicesHost.StartAsync(services =>
        {
            services.Remove(services.Single(s => s.ImplementationType == typeof(EmbedStep)));
            services.AddScoped<IPipelineStepHandler, HaltingEmbedStep>();

            // The seeded handbook's documents halt in the embed step too; leave a worker for this one.
            services.Configure<AiNative.Services.Platform.Jobs.JobOptions>(o => o.Workers = 8);

            // More chunks than one embedding call takes or than are held for the offline embedder: they are written
            // before embedding, not held for the save.
            services.Configure<KnowledgeOptions>(o => (o.EmbeddingBatchSize, o.MaxHeldLocallyEmbeddedChunks) = (4, 0));
        });
        var team = await first.DemoTeamIdAsync();
        Guid documentId;
        int chunksBeforeStop;
        await using (var scope = first.InTeam(team))
        {
            await scope.CreateBaseAsync("Resumable", new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 10 });
            documentId = (await scope.UploadAsync("Resumable", Ingestion.Text("guide.md", Handbook(12)))).DocumentId!.Value;
            chunksBeforeStop = await WaitForStepAsync(scope, documentId, PipelineSteps.Embed);
        }

        await first.StopAsync();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder);
        await using var again = second.InTeam(team);
        var document = await again.SettledAsync("Resumable", documentId);
        await using var db = await again.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.DocumentId == documentId).ToListAsync(Cancel);

        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.Equal(chunksBeforeStop, chunks.Count);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal).Order());
        Assert.All(chunks, c => Assert.True(c.Searchable && c.Vector is { Length: 384 * 4 }));
        Assert.Equal(chunks.Count, document.ChunkCount);
    }

    /// <param name="batchSize">32 takes the document's chunks in one embedding call (small); 4 does not, and the offline embedder's chunks are held all the same.</param>
    [Theory]
    [InlineData(32)]
    [InlineData(4)]
    public async Task A_small_or_locally_embedded_document_stopped_before_its_chunks_were_written_is_ingested_whole_on_restart(int batchSize)
    {
        var gates = new EmbedGates();
        await using var first = await ServicesHost.StartAsync(services =>
        {
            services.Remove(services.Single(s => s.ImplementationType == typeof(EmbedStep)));
            services.AddScoped<EmbedStep>();
            services.AddScoped<IPipelineStepHandler, GatedEmbedStep>();
            services.AddSingleton(gates);
            services.Configure<KnowledgeOptions>(o => o.EmbeddingBatchSize = batchSize);
        });
        var team = await first.DemoTeamIdAsync();
        Guid documentId;
        await using (var scope = first.InTeam(team))
        {
            await scope.CreateBaseAsync("Small", new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 10 });
            gates.Ingestion.Close();
            documentId = (await scope.UploadAsync("Small", Ingestion.Text("guide.md", Handbook(12)))).DocumentId!.Value;
            await gates.Ingestion.Reached.WaitAsync(Cancel);

            // Partitioned and embedding, but the chunks are written once, with their vectors and "ready".
            await using var db = await scope.DbAsync();
            Assert.False(await db.KnowledgeChunks.AnyAsync(c => c.DocumentId == documentId, Cancel));
        }

        await first.StopAsync();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder);
        await using var again = second.InTeam(team);
        var document = await again.SettledAsync("Small", documentId);
        await using var after = await again.DbAsync();
        var chunks = await after.KnowledgeChunks.Where(c => c.DocumentId == documentId).ToListAsync(Cancel);

        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.True(chunks.Count > 3);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal).Order());
        Assert.All(chunks, c => Assert.True(c.Searchable && c.Vector is { Length: 384 * 4 }));
        Assert.Equal(chunks.Count, document.ChunkCount);
        var found = await again.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = "Small", Query = "topic7", Mode = SearchMode.Keyword }, Cancel);
        Assert.Contains("topic7", found.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedding_usage_recorded_for_a_document_is_the_tokens_of_the_texts_it_embedded()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Counted", new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 10 });

        var document = await scope.IngestAsync("Counted", Ingestion.Text("counted.md", Handbook(6)));

        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id).ToListAsync(Cancel);
        var traces = await db.Traces.Where(t => t.Source == TraceSource.Ingestion && t.Name == "embed counted.md").Select(t => t.Id).ToListAsync(Cancel);
        var recorded = await db.Observations.Where(o => traces.Contains(o.TraceId) && o.Type == ObservationType.Embedding).SumAsync(o => o.InputTokens, Cancel);
        var tokens = new TokenCounter();
        Assert.True(chunks.Count > 3);
        Assert.Equal(chunks.Sum(c => (long)tokens.Count(c.Heading is null ? c.Text : $"{c.Heading}\n\n{c.Text}")), recorded);
    }

    [Fact]
    public async Task Rate_limited_embedding_calls_are_retried_with_back_off_and_the_document_succeeds()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await StartWithFastRetriesAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        await scope.CreateBaseAsync("Remote", embeddingModelId: model.Id);

        provider.FailNext(2, 429);
        var document = await scope.IngestAsync("Remote", Ingestion.Text("faq.md", "# FAQ\n\nShipping takes three days."));

        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.Equal(3, provider.Requests.Count(r => r.Path == "/v1/embeddings"));
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_fails_the_document_with_its_reason_after_the_retries()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await StartWithFastRetriesAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.BrokenModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        await scope.CreateBaseAsync("Broken", embeddingModelId: model.Id);

        var document = await scope.IngestAsync("Broken", Ingestion.Text("faq.md", "# FAQ\n\nShipping takes three days."));

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(PipelineSteps.Embed, document.Step);
        Assert.Contains("after 2 retries", document.Error);
        Assert.Contains("HTTP 500", document.Error);
        Assert.Contains("The server had an error while processing your request.", document.Error);
        Assert.Equal(3, provider.Requests.Count(r => r.Path == "/v1/embeddings"));
    }

    [Fact]
    public async Task A_failed_document_retried_resumes_at_the_failed_step()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await StartWithFastRetriesAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        await scope.CreateBaseAsync("Flaky", embeddingModelId: model.Id);
        provider.FailNext(3, 503);
        var failed = await scope.IngestAsync("Flaky", Ingestion.Text("faq.md", "# FAQ\n\nReturns are free."));

        await scope.Get<KnowledgeDocuments>().RetryAsync("Flaky", failed.Id, Cancel);
        var retried = await scope.SettledAsync("Flaky", failed.Id);

        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Equal([PipelineSteps.Extract, PipelineSteps.Partition], failed.CompletedSteps);
        Assert.True(retried.Status == DocumentStatus.Ready, $"The retry ended {retried.Status} at step {retried.Step}: {retried.Error}");
        Assert.Null(retried.Error);
    }

    [Fact]
    public async Task The_same_content_uploaded_twice_is_recognised_and_not_processed_again()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Twice");
        var first = await scope.IngestAsync("Twice", Ingestion.Text("a.md", "# Same\n\nIdentical content."));

        var second = await scope.UploadAsync("Twice", Ingestion.Text("copy-of-a.md", "# Same\n\nIdentical content."));

        Assert.Equal(UploadStatus.Duplicate, second.Status);
        Assert.Equal(first.Id, second.DocumentId);
        Assert.Contains("already in 'Twice' as 'a.md'", second.Message);
        Assert.Single(await scope.Get<KnowledgeDocuments>().ListAsync("Twice", Cancel));
    }

    [Fact]
    public async Task A_batch_with_bad_files_keeps_the_good_ones_and_leaves_nothing_of_the_bad()
    {
        await using var host = await ServicesHost.StartAsync(services =>
            services.Configure<KnowledgeOptions>(o => o.MaxUploadBytes = 1024));
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Batch");
        var latin = System.Text.Encoding.Latin1.GetBytes("na\u00efve");

        var result = await scope.Get<DocumentUploads>().UploadAsync("Batch",
        [
            Ingestion.Text("good.md", "# Good\n\nKept."),
            Ingestion.Text("big.txt", new string('x', 2048)),
            Ingestion.Bytes("empty.txt", []),
            Ingestion.Text("fake.docx", "plain text pretending"),
            Ingestion.Bytes("latin.txt", latin),
        ], null, null, Cancel);

        Assert.Equal([UploadStatus.Accepted, UploadStatus.Rejected, UploadStatus.Rejected, UploadStatus.Rejected, UploadStatus.Rejected], result.Files.Select(f => f.Status));
        Assert.Contains("larger than the limit of 1 KB", result.Files[1].Message);
        Assert.Equal("The file is empty.", result.Files[2].Message);
        Assert.Contains("named .docx but its content is plain text", result.Files[3].Message);
        Assert.Contains("not UTF-8", result.Files[4].Message);

        // The good file's extract step saves its text through a temporary .upload-* file of its own.
        await scope.SettledAsync("Batch", result.Files[0].DocumentId!.Value);
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        Assert.False(blobs.Exists(Sha256([])));
        Assert.False(blobs.Exists(Sha256("plain text pretending"u8.ToArray())));
        Assert.False(blobs.Exists(Sha256(latin)));
        Assert.Empty(Directory.EnumerateFiles(BlobFolder(host), ".upload-*", SearchOption.AllDirectories));
        Assert.Single(await scope.Get<KnowledgeDocuments>().ListAsync("Batch", Cancel));
    }

    [Fact]
    public async Task A_word_document_that_unpacks_past_the_limit_is_refused_at_upload_and_leaves_nothing()
    {
        await using var host = await ServicesHost.StartAsync(services =>
            services.Configure<KnowledgeOptions>(o => (o.MaxUploadBytes, o.MaxExpansionRatio) = (64 * 1024, 10)));
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Bombs");
        var bomb = TestDocuments.Docx((null, string.Concat(Enumerable.Repeat("All work and no play. ", 200_000))));

        var outcome = await scope.UploadAsync("Bombs", Ingestion.Bytes("bomb.docx", bomb));

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        Assert.Contains("The Word document expands to more than 640 KB when unpacked", outcome.Message);
        Assert.False(host.Services.GetRequiredService<IBlobStore>().Exists(Sha256(bomb)));
        Assert.Empty(await scope.Get<KnowledgeDocuments>().ListAsync("Bombs", Cancel));
    }

    [Fact]
    public async Task Deleting_a_document_removes_its_chunks_vectors_and_unused_file_but_keeps_a_file_another_base_uses()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("One");
        await scope.CreateBaseAsync("Two");
        var shared = "# Shared\n\nQuokkas live on Rottnest Island.";
        var inOne = await scope.IngestAsync("One", Ingestion.Text("shared.md", shared));
        var inTwo = await scope.IngestAsync("Two", Ingestion.Text("shared.md", shared));
        var only = await scope.IngestAsync("One", Ingestion.Text("only.md", "# Only\n\nWombats dig burrows."));
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var search = scope.Get<KnowledgeSearch>();
        var beforeDelete = await search.SearchAsync(new SearchRequest { Index = "One", Query = "wombats burrows" }, Cancel);

        await scope.Get<KnowledgeDocuments>().DeleteAsync("One", only.Id, Cancel);
        await scope.Get<KnowledgeDocuments>().DeleteAsync("One", inOne.Id, Cancel);
        var afterDelete = await search.SearchAsync(new SearchRequest { Index = "One", Query = "wombats burrows", Mode = SearchMode.Vector }, Cancel);

        Assert.Equal("only.md", beforeDelete.Hits[0].DocumentName);
        Assert.Empty(afterDelete.Hits);
        Assert.False(blobs.Exists(only.Sha256));
        Assert.True(blobs.Exists(inTwo.Sha256));
        await using var db = await scope.DbAsync();
        Assert.False(await db.KnowledgeChunks.AnyAsync(c => c.DocumentId == only.Id || c.DocumentId == inOne.Id, Cancel));
    }

    [Fact]
    public async Task A_ready_document_re_ingested_is_rebuilt_without_duplicating_its_chunks()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Again", new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 0 });
        var first = await scope.IngestAsync("Again", Ingestion.Text("guide.md", Handbook(6)));

        await scope.Get<KnowledgeDocuments>().ReingestAsync("Again", first.Id, Cancel);
        var again = await scope.SettledAsync("Again", first.Id);
        await using var db = await scope.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.DocumentId == first.Id).ToListAsync(Cancel);

        Assert.Equal(DocumentStatus.Ready, again.Status);
        Assert.Equal(first.ChunkCount, again.ChunkCount);
        Assert.Equal(first.ChunkCount, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Searchable));
        var hits = await scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = "Again", Query = "topic3", TopK = 10 }, Cancel);
        Assert.Equal("Section 3", hits.Hits[0].Heading);
        Assert.Equal(hits.Hits.Count, hits.Hits.Select(h => h.ChunkId).Distinct().Count());
    }

    [Fact]
    public async Task Tags_set_after_upload_filter_searches_at_once()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Tagged");
        var document = await scope.IngestAsync("Tagged", Ingestion.Text("a.md", "# Hours\n\nThe office opens at nine."), new() { ["team"] = ["sales"] });

        await scope.Get<KnowledgeDocuments>().SetTagsAsync("Tagged", document.Id, new Dictionary<string, List<string>> { ["team"] = ["support"] }, Cancel);
        var support = await scope.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = "Tagged", Query = "office hours", Tags = new Dictionary<string, List<string>> { ["team"] = ["support"] } }, Cancel);
        var sales = await scope.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = "Tagged", Query = "office hours", Tags = new Dictionary<string, List<string>> { ["team"] = ["sales"] } }, Cancel);

        Assert.Single(support.Hits);
        Assert.Empty(sales.Hits);
        Assert.Equal("The filter matched no documents in 'Tagged'. Check the tags and document ids.", sales.Message);
    }

    private static Task<ServicesHost> StartWithFastRetriesAsync() =>
        ServicesHost.StartAsync(services => services.Configure<KnowledgeOptions>(o =>
        {
            o.EmbeddingRetries = 2;
            o.EmbeddingRetryBaseDelay = TimeSpan.FromMilliseconds(10);
        }));

    private static string BlobFolder(ServicesHost host) => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.BlobFolder;

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>Waits until the document is in <paramref name="step"/>, and returns its chunk count then.</summary>
    private static async Task<int> WaitForStepAsync(TeamScope scope, Guid documentId, string step)
    {
        var document = await Poll.UntilAsync(
            () => scope.Get<KnowledgeDocuments>().GetAsync("Resumable", documentId, Cancel),
            d => d.Step == step && d.Status == DocumentStatus.Processing);
        Assert.True(document.Step == step && document.Status == DocumentStatus.Processing, $"The document never reached the {step} step.");
        Assert.Equal([PipelineSteps.Extract, PipelineSteps.Partition], document.CompletedSteps);
        return document.ChunkCount;
    }
}
