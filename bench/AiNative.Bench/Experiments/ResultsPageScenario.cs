using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiNative.Bench.Http;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Experiments;

/// <summary>
/// The results page of a large experiment (issue 9: first render of a 100,000-cell experiment within 1 s, its
/// aggregates within 200 ms). The built portal runs as its own process on SQLite; the bench writes a finished
/// experiment of items × 2 variants (two evaluators' results in each cell) straight into its database, works its summary
/// out and keeps it as the portal does when a run ends, then times the portal over HTTP, cold (the server-rendered page,
/// the experiment's API, which carries the summary) and the services in this process (the kept summary read by a fresh
/// host, first page of rows, regressions first and later).
/// </summary>
public static class ResultsPageScenario
{
    private const int Repeats = 7;

    public static async Task RunAsync(int items)
    {
        var settings = new Dictionary<string, string> { ["Portal:Experiments:SeedDemoExperiment"] = "false" };
        await using var portal = await PortalProcess.StartAsync(TimeSpan.FromMinutes(3), settings);
        using var http = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpScenario.CreateAccessTokenAsync(portal.Address));
        var session = await http.GetFromJsonAsync<JsonObject>("/api/session") ?? throw new InvalidOperationException("No session.");
        var teamId = session["currentTeam"]!["id"]!.GetValue<Guid>();

        using var services = Services(Path.GetDirectoryName(portal.DatabasePath)!);
        await using var scope = services.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(teamId, "Bench", TeamRole.Owner, new Actor(null, "Benchmark")));
        var seeding = Stopwatch.StartNew();
        var experimentId = await SeedAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>(), teamId, items);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {HttpScenario.CpuModel()}; portal {portal.Address} (own process, Production, SQLite); "
            + $"{items * 2:N0} cells ({items:N0} items × 2 variants, 2 evaluators) written in {seeding.Elapsed.TotalSeconds:0} s");

        // What the portal does once when a run ends (SummaryKeeper): work the summary out from every cell and keep it.
        var summaries = scope.ServiceProvider.GetRequiredService<ExperimentSummaries>();
        var keeping = Stopwatch.StartNew();
        await summaries.KeepAsync(experimentId, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"Summary worked out and kept at the run's end",-44} {keeping.Elapsed.TotalMilliseconds,7:N0} ms, once, off any request; load {Load()}"));

        // The portal process has read nothing of the experiment yet: its first answers are cold.
        using var browser = await PortalBrowser.SignInAsync(portal.Address);
        await Report("GET /experiments/{id} (page, first render)", async () =>
        {
            var html = await browser.GetStringAsync($"/experiments/{experimentId}");
            return html.Contains("Latency distribution", StringComparison.Ordinal) ? html : throw new InvalidOperationException("The page did not render the summary.");
        });
        await Report("GET …/experiments/{id} (API, token)", () => http.GetStringAsync($"/api/teams/{teamId}/experiments/{experimentId}"));
        await Report("GET …/cells?filter=All page 1 (API)", () => http.GetStringAsync($"/api/teams/{teamId}/experiments/{experimentId}/cells?page=1&pageSize=50"));

        var results = scope.ServiceProvider.GetRequiredService<ExperimentResults>();
        using (var cold = Services(Path.GetDirectoryName(portal.DatabasePath)!))
        {
            await using var coldScope = cold.Services.CreateAsyncScope();
            coldScope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(teamId, "Bench", TeamRole.Owner, new Actor(null, "Benchmark")));
            await Report("Summary aggregates (service, kept)", () => coldScope.ServiceProvider.GetRequiredService<ExperimentSummaries>().GetAsync(experimentId, CancellationToken.None));
        }

        await Report("First page of 50 rows (service)", () => results.ListAsync(experimentId, RowFilter.All, RowOrder.Dataset, 1, 50, CancellationToken.None));
        await Report("Regressions, page 1 (service)", () => results.ListAsync(experimentId, RowFilter.Regressions, RowOrder.Dataset, 1, 50, CancellationToken.None));
        await Report("Regressions, page 20 (service)", () => results.ListAsync(experimentId, RowFilter.Regressions, RowOrder.Dataset, 20, 50, CancellationToken.None));
        Console.WriteLine($"Portal processor time {portal.ProcessorTime.TotalSeconds:0.0} s; resident {portal.ResidentMiB:0} MiB");
    }

    /// <summary>The first call alone (cold caches), then the median of the next ones.</summary>
    private static async Task Report<T>(string what, Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        var first = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            clock.Restart();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-44} first {first,7:N0} ms; then median {times[times.Count / 2],7:N0} ms (min {times[0]:N0}, max {times[^1]:N0}, n = {Repeats}); load {Load()}"));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The portal's services over its data folder, not started: only their database access is used.</summary>
    private static IHost Services(string dataFolder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:DataFolder"] = dataFolder;
        builder.Logging.ClearProviders();
        builder.Services.AddPortalServices(builder.Configuration);
        return builder.Build();
    }

    /// <summary>A completed experiment: the baseline passes most items, the other variant is cheaper, quicker and a little worse.</summary>
    private static async Task<Guid> SeedAsync(IDbContextFactory<PortalDbContext> factory, Guid teamId, int items)
    {
        var random = new Random(9);
        var experiment = new Experiment
        {
            TeamId = teamId, Name = $"Results bench {items:N0}", DatasetId = Guid.CreateVersion7(), DatasetName = "Bench questions", DatasetVersion = 1,
            ItemCount = items, Status = ExperimentStatus.Completed, CreatedBy = "Benchmark", CreatedAt = DateTimeOffset.UtcNow,
            Evaluators =
            [
                new PinnedEvaluator(Guid.CreateVersion7(), "exact", 1, EvaluatorKind.ExactMatch, new EvaluatorSettings()),
                new PinnedEvaluator(Guid.CreateVersion7(), "similar", 1, EvaluatorKind.Levenshtein, new EvaluatorSettings { Threshold = 0.5 }),
            ],
        };
        var providerId = Guid.CreateVersion7();
        for (var v = 0; v < 2; v++)
        {
            experiment.Variants.Add(new ExperimentVariant
            {
                TeamId = teamId, ExperimentId = experiment.Id, Position = v, Name = $"v{v + 1}", IsBaseline = v == 0, PromptId = Guid.CreateVersion7(),
                PromptName = "Bench", PromptVersion = v + 1, ModelId = Guid.CreateVersion7(), ModelName = v == 0 ? "large" : "small", ProviderId = providerId,
            });
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
        }

        const int Batch = 5_000;
        for (var from = 0; from < items; from += Batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = from; i < Math.Min(items, from + Batch); i++)
            {
                var itemId = Guid.CreateVersion7();
                foreach (var variant in experiment.Variants)
                {
                    var failed = variant.Position == 1 && random.NextDouble() < 0.01;
                    var right = random.NextDouble() < (variant.Position == 0 ? 0.85 : 0.8);
                    var similarity = right ? 1 : Math.Round(random.NextDouble(), 3);
                    var cell = new ExperimentCell
                    {
                        TeamId = teamId, ExperimentId = experiment.Id, VariantId = variant.Id, VariantPosition = variant.Position, IsBaseline = variant.IsBaseline,
                        ProviderId = providerId, ItemId = itemId, ItemPosition = i + 1, Status = failed ? CellStatus.Failed : CellStatus.Succeeded, Attempts = 1,
                        Output = failed ? null : $"Answer {i} from {variant.Name}.", Error = failed ? "The provider failed (HTTP 500)." : null,
                        LatencyMs = Math.Round((variant.Position == 0 ? 900 : 400) * Math.Exp(random.NextDouble() - 0.5), 1),
                        InputTokens = 120, OutputTokens = 40, Cost = variant.Position == 0 ? 0.0004m : 0.00008m,
                        Evaluations = failed ? [] :
                        [
                            new CellEvaluation("exact", right ? 1 : 0, right, null, null),
                            new CellEvaluation("similar", similarity, similarity >= 0.5, null, null),
                        ],
                    };
                    db.ExperimentCells.Add(cell);
                    experiment.CellCount++;
                    experiment.SucceededCount += failed ? 0 : 1;
                    experiment.FailedCount += failed ? 1 : 0;
                    experiment.Cost += cell.Cost;
                }
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Experiments.Where(e => e.Id == experiment.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.CellCount, experiment.CellCount).SetProperty(e => e.SucceededCount, experiment.SucceededCount)
                .SetProperty(e => e.FailedCount, experiment.FailedCount).SetProperty(e => e.Cost, experiment.Cost));
        }

        return experiment.Id;
    }
}
