using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// Whether a base's search cost follows that base (issue 14): keyword and hybrid search on a 100-chunk
/// base in an otherwise empty portal, then again once another base holds <c>large</c> chunks, side by
/// side; then keyword search with the commonest words on the large base itself, with the query plan.
/// The large base's chunks have no vectors (only keyword search reads them), which keeps its load to
/// minutes. Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- keyword-isolation-scenario [large]</c>,
/// or on PostgreSQL: <c>bash bench/with-postgres.sh keyword-isolation-scenario [large]</c>.
/// </summary>
public static class KeywordIsolationScenario
{
    private const string Small = "Small";
    private const string Large = "Large";
    private const int SmallChunks = 100;
    private const int Queries = 300;

    // Fewer on the large base, whose common-word searches take long enough to make the run hours otherwise.
    private const int LargeQueries = 60;

    public static async Task RunAsync(int large, string? postgres)
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
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; database: {(postgres is null ? "SQLite" : "PostgreSQL")}");
            await using var scope = await KnowledgeScenario.DemoScopeAsync(host.Services);
            var bases = scope.ServiceProvider.GetRequiredService<KnowledgeBases>();
            var smallBase = await bases.CreateAsync(new KnowledgeBaseInput(Small), CancellationToken.None);
            await KnowledgeScenario.BulkInsertAsync(scope.ServiceProvider, smallBase.Id, SmallChunks);

            var random = new Random(14);
            var corpus = new ZipfCorpus();
            var topical = Enumerable.Range(0, Queries).Select(_ => corpus.Query(random, 3)).ToList();
            var common = Enumerable.Range(0, Queries).Select(_ => corpus.CommonQuery(random, 2)).ToList();
            var search = scope.ServiceProvider.GetRequiredService<KnowledgeSearch>();

            // Past the start-up work (the demo handbook's ingestion), compiled and cached before the first figure counts.
            await IngestionSettledAsync(scope.ServiceProvider);
            await MeasureAsync(search, Small, topical, [SearchMode.Keyword, SearchMode.Hybrid]);
            var alone = await MeasureAsync(search, Small, topical, [SearchMode.Keyword, SearchMode.Hybrid]);

            var largeBase = await bases.CreateAsync(new KnowledgeBaseInput(Large), CancellationToken.None);
            var load = Stopwatch.StartNew();
            await KnowledgeScenario.BulkInsertAsync(scope.ServiceProvider, largeBase.Id, large, vectors: false);
            Console.WriteLine($"Another base: {large:N0} chunks of 40 Zipf words inserted and keyword-indexed in {load.Elapsed.TotalSeconds:0} s");

            var beside = await MeasureAsync(search, Small, topical, [SearchMode.Keyword, SearchMode.Hybrid]);
            Console.WriteLine($"{SmallChunks}-chunk base, {Queries} queries of 3 topical words, top 10 (one client):");
            foreach (var mode in alone.Keys)
            {
                Console.WriteLine($"  {mode,-8} empty portal:     {alone[mode]}");
                Console.WriteLine($"  {mode,-8} beside {large:N0}: {beside[mode]}");
                Console.WriteLine($"  {mode,-8} beside / empty: median {beside[mode].Total.MedianMs / alone[mode].Total.MedianMs:0.00}, p99 {beside[mode].Total.P99Ms / alone[mode].Total.P99Ms:0.00}");
            }

            var onLarge = await MeasureAsync(search, Large, common[..LargeQueries], [SearchMode.Keyword]);
            var topicalOnLarge = await MeasureAsync(search, Large, topical[..LargeQueries], [SearchMode.Keyword]);
            Console.WriteLine($"{large:N0}-chunk base, keyword top 10, {LargeQueries} queries: 2 of the 20 commonest words {onLarge[SearchMode.Keyword]} | 3 topical words {topicalOnLarge[SearchMode.Keyword]}");

            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            await ExplainAsync(db, "small base, topical words", smallBase.Id, topical[0]);
            await ExplainAsync(db, "large base, common words", largeBase.Id, common[0]);
        }
        finally
        {
            await host.StopAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task IngestionSettledAsync(IServiceProvider services)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!await db.KnowledgeDocuments.IgnoreQueryFilters().AnyAsync(d => d.Status == DocumentStatus.Queued || d.Status == DocumentStatus.Processing))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The whole search (trace, embedding, ranking) and, within it, the keyword index's query alone.</summary>
    private sealed record Figures(LatencyStats Total, LatencyStats Keyword)
    {
        public override string ToString() => $"{Total} (keyword query {Keyword})";
    }

    private static async Task<Dictionary<SearchMode, Figures>> MeasureAsync(KnowledgeSearch search, string index, List<string> queries, SearchMode[] modes)
    {
        var stats = new Dictionary<SearchMode, Figures>();
        foreach (var mode in modes)
        {
            foreach (var query in queries.Take(5))
            {
                await search.SearchAsync(new SearchRequest { Index = index, Query = query, Mode = mode, TopK = 10 }, CancellationToken.None);
            }

            var totals = new List<double>();
            var keyword = new List<double>();
            foreach (var query in queries)
            {
                var result = await search.SearchAsync(new SearchRequest { Index = index, Query = query, Mode = mode, TopK = 10 }, CancellationToken.None);
                totals.Add(result.Timing.Total.TotalMilliseconds);
                keyword.Add(result.Timing.Keyword.TotalMilliseconds);
            }

            stats[mode] = new Figures(LatencyStats.Of(totals), LatencyStats.Of(keyword));
        }

        return stats;
    }

    /// <summary>The plan of the keyword query a search runs: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL.</summary>
    private static async Task ExplainAsync(PortalDbContext db, string label, Guid baseId, string query)
    {
        var terms = QueryTerms.From(query);
        var postgres = db.Database.IsNpgsql();
        var sql = postgres
            ? PostgresKeywordQuery.Create(baseId, 1, terms, 40, null)
            : SqliteKeywordQuery.Create(SqliteKeywordTables.Name(baseId, 1), terms, 40, null);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var arguments = sql.GetArguments();
        command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ")
            + string.Format(CultureInfo.InvariantCulture, sql.Format, [.. arguments.Select((_, i) => (object)$"@p{i}")]);
        for (var i = 0; i < arguments.Length; i++)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = arguments[i];
            command.Parameters.Add(parameter);
        }

        Console.WriteLine($"Plan, {label} ({query}):");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  {(postgres ? reader.GetString(0) : reader.GetString(reader.GetOrdinal("detail")))}");
        }
    }
}
