using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

/// <summary>
/// A job that outlives its lease while renewing it hits database errors. The lease is 12 s, so
/// renewals run every 4 s and give up at 10 s: a loaded machine has seconds of slack at each step.
/// </summary>
public sealed class LeaseRenewalTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(12);
    // A run that must be cancelled works far past the give-up point, so a late timer on a busy machine cannot let it finish first.
    private static readonly TimeSpan OutlastsTheLease = TimeSpan.FromSeconds(60);
    private readonly BusyCommands _renewals = BusyCommands.LeaseRenewals();
    private readonly LongJobRuns _runs = new() { Duration = TimeSpan.FromSeconds(11) };
    private ServicesHost _host = null!;
    private Guid _team;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync(services =>
        {
            services.AddSingleton(_runs);
            services.AddScoped<IJobHandler, LongJobHandler>();
            services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(_renewals));
            services.Configure<JobOptions>(o =>
            {
                o.Workers = 2;
                o.LeaseDuration = Lease;
                o.PollInterval = TimeSpan.FromMilliseconds(50);
            });
        });
        _team = await _host.DemoTeamIdAsync();
        await _host.Services.WaitUntilReadyAsync(_team, KnowledgeArrangements.Handbook);
    }

    public async ValueTask DisposeAsync()
    {
        _renewals.Release();
        await _host.DisposeAsync();
        _renewals.Dispose();
    }

    [Fact]
    public async Task Renewals_that_fail_for_a_moment_are_retried_and_the_job_runs_once()
    {
        // The run (11 s) outlasts the point where renewing gives up (10 s) unless a retried renewal extends the lease.
        _renewals.FailNext(2);

        var id = await EnqueueAsync();
        var job = await FinishedAsync(id);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, _runs.Started);
        Assert.Equal(0, _runs.CancelledRuns);
    }

    [Fact]
    public async Task Renewals_that_keep_failing_cancel_the_run_before_another_worker_takes_the_job()
    {
        _renewals.FailNext(int.MaxValue);
        _runs.Duration = OutlastsTheLease;

        var id = await EnqueueAsync();
        await SecondRunDueAsync();
        _renewals.FailNext(0);
        var job = await FinishedAsync(id);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, _runs.MostAtOnce);
        Assert.Equal(1, _runs.CancelledRuns);
        Assert.Equal(2, _runs.Started);
    }

    [Fact]
    public async Task A_renewal_the_database_holds_past_the_lease_cancels_the_run_before_another_worker_takes_the_job()
    {
        _renewals.HangNext();
        _runs.Duration = OutlastsTheLease;

        var id = await EnqueueAsync();
        await SecondRunDueAsync();
        _renewals.Release();
        var job = await FinishedAsync(id);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, _runs.MostAtOnce);
        Assert.Equal(1, _runs.CancelledRuns);
        Assert.Equal(2, _runs.Started);
    }

    /// <summary>Waits until the first run is cancelled (or a second has started alongside it), and makes the next run short.</summary>
    private async Task SecondRunDueAsync()
    {
        await Poll.UntilAsync(() => Task.FromResult(_runs.CancelledRuns > 0 || _runs.Started >= 2), due => due);

        _runs.Duration = TimeSpan.FromSeconds(1);
    }

    private async Task<Guid> EnqueueAsync()
    {
        await using var scope = _host.InTeam(_team);
        await using var db = await scope.DbAsync();
        var queue = scope.Get<JobQueue>();
        var job = queue.Add(db, LongJobHandler.JobKind, new { });
        _renewals.OnlyFor(job.Id);
        await db.SaveChangesAsync(Cancel);
        queue.Wake();
        return job.Id;
    }

    private async Task<Job> FinishedAsync(Guid id)
    {
        await using var scope = _host.InTeam(_team);
        return await scope.FinishedAsync(id);
    }
}
