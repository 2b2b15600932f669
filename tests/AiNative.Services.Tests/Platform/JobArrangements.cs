using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

/// <summary>A host whose jobs a test claims by hand, and jobs for it to claim.</summary>
internal static class JobArrangements
{
    /// <summary>A host without workers, and without the jobs its seeding queued.</summary>
    public static async Task<ServicesHost> StartWithoutWorkersAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await ServicesHost.StartAsync(services => services.Configure<JobOptions>(o => o.Workers = 0), settings: settings);
        await using var scope = host.WithoutTeam();
        await using var db = await scope.DbAsync();
        await db.Jobs.IgnoreQueryFilters().ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Queues a job no handler runs (no worker claims it) in <paramref name="teamId"/>.</summary>
    public static async Task<Guid> EnqueueAsync(this ServicesHost host, Guid teamId)
    {
        await using var scope = host.InTeam(teamId);
        await using var db = await scope.DbAsync();
        var job = scope.Get<JobQueue>().Add(db, "test.noop", new { n = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return job.Id;
    }
}
