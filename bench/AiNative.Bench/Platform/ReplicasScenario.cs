using System.Collections.Concurrent;
using System.Diagnostics;
using AiNative.Bench.Knowledge;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Replicas;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Platform;

/// <summary>
/// Replicas on one PostgreSQL database, as hosts in this process (each with its own workers, as a
/// replica process would have): how many jobs per second one and two replicas claim and finish,
/// with a job that does nothing, so the figure is the claiming itself; and how long a change made on
/// one replica takes to reach the other (a model change's invalidation, LISTEN/NOTIFY in between).
/// Run: <c>bash bench/with-postgres.sh replicas-scenario [jobs, 2000 by default]</c>.
/// </summary>
public static class ReplicasScenario
{
    private const int WorkersPerReplica = 2;
    private const int Changes = 500;

    public static async Task RunAsync(string postgres, int jobs)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL; {jobs:N0} no-op jobs, {WorkersPerReplica} workers per replica");
        foreach (var replicas in new[] { 1, 2 })
        {
            var done = new int[replicas];
            var hosts = new List<IHost>();
            for (var i = 0; i < replicas; i++)
            {
                hosts.Add(await StartAsync(postgres, i, done));
            }

            var clock = Stopwatch.StartNew();
            var kind = await QueueAsync(hosts[0], jobs);
            await WaitUntilDoneAsync(hosts[0], kind, jobs);
            var elapsed = clock.Elapsed;
            Console.WriteLine($"  {replicas} replica(s): {jobs / elapsed.TotalSeconds:N0} jobs/s ({elapsed.TotalSeconds:0.00} s), done per replica: {string.Join(" / ", done)}");
            if (replicas == 2)
            {
                Console.WriteLine($"  a change on one replica seen by the other: {await PropagationAsync(hosts[0], hosts[1], Changes)} over {Changes} changes");
            }

            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    /// <summary>From the moment replica A announces a model change until replica B's subscriber runs.</summary>
    private static async Task<LatencyStats> PropagationAsync(IHost a, IHost b, int changes)
    {
        var seen = new ConcurrentDictionary<string, long>();
        b.Services.GetRequiredService<ReplicaChannel>().Subscribe(ModelCatalog.Topic, payload => seen.TryAdd(payload, Stopwatch.GetTimestamp()));
        var catalog = a.Services.GetRequiredService<ModelCatalog>();
        var latencies = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            // A team id of its own per change, so each arrival is matched to its change.
            var team = Guid.NewGuid();
            var announced = Stopwatch.GetTimestamp();
            catalog.Invalidate(team);
            long arrived;
            while (!seen.TryGetValue(team.ToString("N"), out arrived))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(announced, arrived).TotalMilliseconds);
            await Task.Delay(5);
        }

        return LatencyStats.Of(latencies);
    }

    private static async Task<IHost> StartAsync(string postgres, int replica, int[] done)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:Provider"] = "PostgreSQL";
        builder.Configuration["Portal:Storage:ConnectionString"] = postgres;
        builder.Configuration["Portal:Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "ainative-bench", "replicas");
        builder.Configuration["Portal:Jobs:Workers"] = WorkersPerReplica.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.Services.AddPortalServices(builder.Configuration);
        builder.Services.AddScoped<IJobHandler>(_ => new NoOpJob(() => Interlocked.Increment(ref done[replica])));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Queues the jobs in one transaction for the demo team; each round has a kind of its own.</summary>
    private static async Task<string> QueueAsync(IHost host, int jobs)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var lookup = await factory.CreateDbContextAsync())
        {
            var teamId = await lookup.Teams.Where(t => t.Slug == DemoTeam.Slug).Select(t => t.Id).SingleAsync();
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(teamId, DemoTeam.Name));
        }

        await using var db = await factory.CreateDbContextAsync();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        for (var i = 0; i < jobs; i++)
        {
            queue.Add(db, NoOpJob.JobKind, new { i });
        }

        await db.SaveChangesAsync();
        queue.Wake();
        return NoOpJob.JobKind;
    }

    private static async Task WaitUntilDoneAsync(IHost host, string kind, int jobs)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var left = await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.Kind == kind && j.Status != JobStatus.Succeeded);
            if (left == 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private sealed class NoOpJob(Action ran) : IJobHandler
    {
        public const string JobKind = "bench.no-op";

        public string Kind => JobKind;

        public Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken)
        {
            ran();
            return Task.FromResult(JobOutcome.Done);
        }

        public Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
