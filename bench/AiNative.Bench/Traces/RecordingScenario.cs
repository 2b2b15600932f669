using System.Diagnostics;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using TraceSource = AiNative.Services.Traces.TraceSource;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Traces;

/// <summary>
/// Generation observations recorded through the trace writer into SQLite: how many per second it
/// sustains with 8 producers, and a graceful stop in the middle of a second run, after which every
/// observation is counted as saved or dropped (none may be lost).
/// </summary>
public static class RecordingScenario
{
    private const int Producers = 8;
    private const int GenerationsPerTrace = 10;

    private static readonly string Messages = TraceMessages.Serialize(
    [
        ("system", "You are the support assistant of AiNative Portal. Answer from the sources and cite them. " + new string('s', 300)),
        ("user", "How are provider API keys stored, and who can see them again after they are saved?"),
    ]);

    public static async Task RunAsync(int observations)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ainative-bench", Guid.NewGuid().ToString("N"));
        Console.WriteLine($"Recording {observations:N0} generation observations with {Producers} producers into SQLite ({Environment.ProcessorCount} cores)");

        var host = await StartAsync(folder);
        var teamId = await DemoTeamAsync(host);
        var writer = host.Services.GetRequiredService<TraceWriter>();
        var clock = Stopwatch.StartNew();
        await ProduceAsync(host, teamId, observations, () => false);
        var produced = clock.Elapsed;
        await writer.CatchUpAsync(TimeSpan.FromMinutes(10), CancellationToken.None);

        var saved = clock.Elapsed;
        var records = observations + (observations / GenerationsPerTrace * 2);
        Console.WriteLine($"  queued in {produced.TotalSeconds:0.00} s, all saved after {saved.TotalSeconds:0.00} s");
        Console.WriteLine($"  sustained: {observations / saved.TotalSeconds:N0} generation observations/s ({records / saved.TotalSeconds:N0} records/s with the traces' states)");

        // A graceful stop while 8 producers are still recording: every observation is saved or counted as dropped.
        var before = writer.Status;
        var stopping = false;
        var second = ProduceAsync(host, teamId, observations, () => Volatile.Read(ref stopping));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Volatile.Write(ref stopping, true);
        await host.StopAsync();
        var (made, madeRecords) = await second;
        var after = writer.Status;
        host.Dispose();
        SqliteConnection.ClearAllPools();

        var restarted = await StartAsync(folder);
        long rows;
        await using (var scope = restarted.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            rows = await db.Observations.IgnoreQueryFilters().LongCountAsync(o => o.Name == "bench");
        }

        await restarted.StopAsync();
        restarted.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var written = after.Written - before.Written;
        var dropped = after.Dropped - before.Dropped;
        Console.WriteLine($"  stop 1 s into a second run: {made:N0} observations ({madeRecords:N0} records with trace states) made; " +
            $"{written:N0} records saved, {dropped:N0} dropped after the stop, lost {madeRecords - written - dropped}; " +
            $"{rows - observations:N0} observations of the second run in the database after a restart");
    }

    private static async Task<(long Observations, long Records)> ProduceAsync(IHost host, Guid teamId, int observations, Func<bool> stop)
    {
        var made = 0L;
        var records = 0L;
        var perProducer = observations / Producers;
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(teamId, "Demo team", TeamRole.Owner, new Actor(null, "Benchmark")));
            var recorder = scope.ServiceProvider.GetRequiredService<TraceRecorder>();
            for (var done = 0; done < perProducer && !stop(); done += GenerationsPerTrace)
            {
                var trace = await recorder.StartAsync(TraceSource.Api, $"bench {p}", CancellationToken.None);
                await trace.AnnounceAsync();
                Interlocked.Add(ref records, 2);
                for (var g = 0; g < GenerationsPerTrace; g++)
                {
                    var generation = trace.Start(ObservationType.Generation, "bench")
                        .Set("gen_ai.request.model", "gpt-4o-mini")
                        .Set("gen_ai.request.temperature", 0.2)
                        .Set("gen_ai.usage.input_tokens", 412)
                        .Set("gen_ai.usage.output_tokens", 57)
                        .SetInput(Messages)
                        .SetOutput("Provider API keys are encrypted at rest and never shown again after they are saved [1].");
                    generation.Record.ModelName = "gpt-4o-mini";
                    generation.Record.InputTokens = 412;
                    generation.Record.OutputTokens = 57;
                    generation.Record.Cost = 0.0001m;
                    await generation.EndAsync(TraceStatus.Succeeded);
                    Interlocked.Increment(ref made);
                    Interlocked.Increment(ref records);
                }

                await trace.EndAsync(TraceStatus.Succeeded);
            }
        }))).ConfigureAwait(false);
        return (made, records);
    }

    private static async Task<IHost> StartAsync(string folder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:DataFolder"] = folder;
        builder.Configuration["Portal:Jobs:Workers"] = "0";
        builder.Logging.ClearProviders();
        builder.Services.AddPortalServices(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<Guid> DemoTeamAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Teams.Where(t => t.Slug == DemoTeam.Slug).Select(t => t.Id).SingleAsync();
    }
}
