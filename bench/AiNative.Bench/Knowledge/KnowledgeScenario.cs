using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Offline;
using AiNative.Services.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// End-to-end knowledge figures through the real services on a real database (SQLite, or PostgreSQL with --postgres): ingestion
/// throughput with the offline embedder and time per step; search latency (median, p99) per mode
/// at several corpus sizes; the vector scan's bytes per second against memory bandwidth; memory
/// held per 100k chunks. Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- knowledge-scenario [sizes…]</c>,
/// or beside PostgreSQL: <c>bash bench/with-postgres.sh knowledge-scenario [sizes…]</c>.
/// </summary>
public static class KnowledgeScenario
{
    private const int Dimensions = OfflineModels.EmbeddingDimensions;
    private const int IngestDocuments = 32;
    private const int IngestDocumentBytes = 512 * 1024;

    /// <summary>Runs on SQLite in a fresh folder, or on PostgreSQL given <paramref name="postgres"/> (a connection string to an empty database).</summary>
    public static async Task RunAsync(IReadOnlyList<int> sizes, bool writeAheadLog = false, string? postgres = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ainative-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:DataFolder"] = folder;
        if (postgres is not null)
        {
            builder.Configuration["Portal:Storage:Provider"] = "PostgreSQL";
            builder.Configuration["Portal:Storage:ConnectionString"] = postgres;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalServices(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SIMD {System.Numerics.Vector<byte>.Count * 8}-bit; database: {(postgres is null ? "SQLite" : "PostgreSQL")}");
            if (writeAheadLog)
            {
                // Measures what SQLite's write-ahead log would change: commits without a sync each.
                await using var scope = host.Services.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                Console.WriteLine("SQLite journal: write-ahead log");
            }

            await IngestAsync(host.Services);
            var bandwidth = MemoryBandwidth();
            Console.WriteLine($"Memory bandwidth (TensorPrimitives.Sum over 1.5 GB): {bandwidth / 1e9:0.0} GB/s");
            foreach (var size in sizes)
            {
                await SearchAsync(host.Services, size, bandwidth);
            }
        }
        finally
        {
            await host.StopAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<AsyncServiceScope> DemoScopeAsync(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var demo = await db.Teams.SingleAsync(t => t.Slug == DemoTeam.Slug);
        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(demo.Id, demo.Name));
        await db.DisposeAsync();
        return scope;
    }

    private static async Task IngestAsync(IServiceProvider services)
    {
        await using var scope = await DemoScopeAsync(services);
        var documents = scope.ServiceProvider.GetRequiredService<KnowledgeDocuments>();
        await scope.ServiceProvider.GetRequiredService<KnowledgeBases>().CreateAsync(new KnowledgeBaseInput("Ingestion"), CancellationToken.None);

        // Time in each step, summed over documents, from the live status events.
        var entered = new ConcurrentDictionary<Guid, (string? Step, long At)>();
        var perStep = new ConcurrentDictionary<string, double>();
        var events = services.GetRequiredService<KnowledgeEvents>();
        void OnChange(DocumentStatusChanged change)
        {
            var now = Stopwatch.GetTimestamp();
            var step = change.Status == DocumentStatus.Processing ? change.Step : null;
            entered.AddOrUpdate(change.DocumentId, (step, now), (_, previous) =>
            {
                if (previous.Step == step)
                {
                    return previous;
                }

                if (previous.Step is not null)
                {
                    perStep.AddOrUpdate(previous.Step, Stopwatch.GetElapsedTime(previous.At, now).TotalSeconds, (_, s) => s + Stopwatch.GetElapsedTime(previous.At, now).TotalSeconds);
                }

                return (step, now);
            });
        }

        events.DocumentChanged += OnChange;
        var texts = Enumerable.Range(1, IngestDocuments).Select(i => SyntheticCorpus.Markdown(IngestDocumentBytes, seed: i)).ToList();
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var started = Stopwatch.GetTimestamp();
        var uploads = new List<Guid>();
        for (var i = 0; i < texts.Count; i++)
        {
            var result = await scope.ServiceProvider.GetRequiredService<DocumentUploads>().UploadAsync("Ingestion", [new UploadFile($"doc{i}.md", new MemoryStream(Encoding.UTF8.GetBytes(texts[i])))], null, null, CancellationToken.None);
            uploads.Add(result.Files[0].DocumentId!.Value);
        }

        foreach (var id in uploads)
        {
            while ((await documents.GetAsync("Ingestion", id, CancellationToken.None)).Status is not (DocumentStatus.Ready or DocumentStatus.Failed))
            {
                await Task.Delay(20);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        events.DocumentChanged -= OnChange;
        var list = await documents.ListAsync("Ingestion", CancellationToken.None);
        Console.WriteLine($"Ingestion: {IngestDocuments} Markdown documents, {bytes / 1e6:0.0} MB, {list.Sum(d => d.ChunkCount):N0} chunks, " +
            $"{list.Sum(d => d.TokenCount):N0} tokens in {elapsed:0.00} s = {bytes / 1e6 / elapsed:0.00} MB/s end to end (2 workers, offline embedder)");
        var total = perStep.Values.Sum();
        foreach (var (step, seconds) in perStep.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"  {step,-10} {seconds,7:0.00} s summed over documents ({seconds / total:P0})");
        }
    }

    private static async Task SearchAsync(IServiceProvider services, int size, double bandwidth)
    {
        await using var scope = await DemoScopeAsync(services);
        var name = $"Scale {size}";
        var knowledgeBase = await scope.ServiceProvider.GetRequiredService<KnowledgeBases>().CreateAsync(new KnowledgeBaseInput(name), CancellationToken.None);
        var insert = Stopwatch.StartNew();
        await BulkInsertAsync(scope.ServiceProvider, knowledgeBase.Id, size);
        Console.WriteLine($"{size:N0} chunks x {Dimensions} dims (40 words each, Zipf over 20,000 words): generated and inserted in {insert.Elapsed.TotalSeconds:0.0} s");

        var search = scope.ServiceProvider.GetRequiredService<KnowledgeSearch>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(true);
        var load = Stopwatch.StartNew();
        await search.SearchAsync(new SearchRequest { Index = name, Query = "warm up", Mode = SearchMode.Vector }, CancellationToken.None);
        var loaded = load.Elapsed;
        var held = GC.GetTotalMemory(true) - before;
        Console.WriteLine($"  vector segment loaded in {loaded.TotalSeconds:0.00} s; memory held {held / 1e6:0.0} MB = {held / 1e6 * 100_000 / size:0.0} MB per 100k chunks");

        var random = new Random(7);
        var corpus = new ZipfCorpus();
        var queries = Enumerable.Range(0, size >= 1_000_000 ? 100 : 200).Select(_ => corpus.Query(random, 3)).ToList();
        foreach (var mode in new[] { SearchMode.Vector, SearchMode.Keyword, SearchMode.Hybrid })
        {
            foreach (var query in queries.Take(10))
            {
                await search.SearchAsync(new SearchRequest { Index = name, Query = query, Mode = mode, TopK = 10 }, CancellationToken.None);
            }

            var totals = new List<double>();
            var scans = new List<double>();
            var keywords = new List<double>();
            var embeddings = new List<double>();
            foreach (var query in queries)
            {
                var result = await search.SearchAsync(new SearchRequest { Index = name, Query = query, Mode = mode, TopK = 10 }, CancellationToken.None);
                totals.Add(result.Timing.Total.TotalMilliseconds);
                scans.Add(result.Timing.Vector.TotalMilliseconds);
                keywords.Add(result.Timing.Keyword.TotalMilliseconds);
                embeddings.Add(result.Timing.Embedding.TotalMilliseconds);
            }

            Console.WriteLine($"  {mode,-8} total {LatencyStats.Of(totals)} | query embedding {LatencyStats.Of(embeddings)} | vector scan {LatencyStats.Of(scans)} | keyword {LatencyStats.Of(keywords)}");
            if (mode == SearchMode.Vector)
            {
                // The first pass reads every row's 4-bit codes and range; rescoring reads a few hundred float rows more.
                var scanned = (double)size * (QuantizedScan.BytesPerRow(Dimensions) + (2 * sizeof(float)));
                var median = LatencyStats.Of(scans).MedianMs / 1000;
                Console.WriteLine($"  vector scan reads {scanned / 1e6:0.0} MB per query: {scanned / median / 1e9:0.0} GB/s, {scanned / median / bandwidth:P0} of memory bandwidth");
            }
        }
    }

    /// <summary>
    /// One document of <paramref name="size"/> searchable chunks of Zipf text, inserted directly and then
    /// keyword-indexed as the save step would; without <paramref name="vectors"/> only keyword search finds them.
    /// </summary>
    internal static async Task<Guid> BulkInsertAsync(IServiceProvider services, Guid baseId, int size, bool vectors = true)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var document = new KnowledgeDocument
        {
            KnowledgeBaseId = baseId,
            FileName = "synthetic.md",
            Format = AiNative.Services.Knowledge.DocumentFormat.Markdown,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(baseId.ToByteArray())),
            Status = DocumentStatus.Ready,
            ChunkCount = size,
        };
        db.KnowledgeDocuments.Add(document);
        await db.SaveChangesAsync();

        // Ids as EF Core stores them (text on SQLite, uuid on PostgreSQL), read back so raw inserts match.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        object Stored(string sql)
        {
            using var read = connection.CreateCommand();
            read.CommandText = sql;
            return read.ExecuteScalar()!;
        }

        var teamText = Stored($"SELECT \"TeamId\" FROM \"KnowledgeDocuments\" WHERE \"Sha256\" = '{document.Sha256}'");
        var documentText = Stored($"SELECT \"Id\" FROM \"KnowledgeDocuments\" WHERE \"Sha256\" = '{document.Sha256}'");
        var baseText = Stored($"SELECT \"KnowledgeBaseId\" FROM \"KnowledgeDocuments\" WHERE \"Sha256\" = '{document.Sha256}'");
        var embedder = new OfflineEmbeddingGenerator(OfflineModels.EmbeddingModelId);
        var random = new Random(size);
        var corpus = new ZipfCorpus();
        await using var transaction = await connection.BeginTransactionAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "KnowledgeChunks" ("TeamId", "KnowledgeBaseId", "DocumentId", "Generation", "Ordinal", "Text", "Tokens", "Heading", "Vector", "Searchable")
            VALUES (@team, @base, @document, 1, @ordinal, @text, @tokens, @heading, @vector, TRUE)
            """;
        DbParameter Parameter(string name, object? value = null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return parameter;
        }

        var ordinal = Parameter("@ordinal");
        var text = Parameter("@text");
        var tokens = Parameter("@tokens");
        var heading = Parameter("@heading");
        var vector = Parameter("@vector");
        Parameter("@team", teamText);
        Parameter("@base", baseText);
        Parameter("@document", documentText);
        for (var i = 0; i < size; i++)
        {
            var sentence = $"{corpus.Sentence(random, 20)} {corpus.Sentence(random, 20)}";
            ordinal.Value = i;
            text.Value = sentence;
            tokens.Value = 30;
            heading.Value = $"Section {i / 20}";
            vector.Value = vectors ? VectorMath.ToBytes(embedder.Embed(sentence)) : DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        await db.Database.UseTransactionAsync(transaction);
        await KeywordIndexMaintenance.DocumentSavedAsync(db, baseId, 1, document.Id, CancellationToken.None);
        await transaction.CommitAsync();
        await db.Database.UseTransactionAsync(null);
        if (db.Database.IsNpgsql())
        {
            // What autovacuum does within a minute of a bulk load; without it the planner guesses from an empty table.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return document.Id;
    }

    /// <summary>Bytes per second that SIMD summing of a large array reaches: the bound of an exact scan.</summary>
    private static double MemoryBandwidth()
    {
        var values = new float[384 * 1_000_000];
        Array.Fill(values, 1f);
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            var sum = TensorPrimitives.Sum(values);
            times.Add(watch.Elapsed.TotalSeconds);
            GC.KeepAlive(sum);
        }

        return values.Length * (double)sizeof(float) / times.Order().ElementAt(times.Count / 2);
    }
}
