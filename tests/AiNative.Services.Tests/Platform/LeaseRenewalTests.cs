using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

/// <summary>A job that outlives its two-second lease while renewing it hits database errors.</summary>
public sealed class LeaseRenewalTests : IAsyncLifetime
{
    private readonly FailingLeaseRenewals _renewals = new();
    private readonly LongJobRuns _runs = new() { Duration = TimeSpan.FromSeconds(3) };
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
                o.LeaseDuration = TimeSpan.FromSeconds(2);
                o.PollInterval = TimeSpan.FromMilliseconds(50);
            });
        });
        _team = await _host.DemoTeamIdAsync();
        await _host.Services.WaitUntilReadyAsync(_team, KnowledgeArrangements.Handbook);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Renewals_that_fail_for_a_moment_are_retried_and_the_job_runs_once()
    {
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

        var id = await EnqueueAsync();
        while (_runs.CancelledRuns == 0 && _runs.Started < 2)
        {
            await Task.Delay(20, Cancel);
        }

        _renewals.FailNext(0);
        var job = await FinishedAsync(id);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, _runs.MostAtOnce);
        Assert.Equal(1, _runs.CancelledRuns);
        Assert.Equal(2, _runs.Started);
    }

    private async Task<Guid> EnqueueAsync()
    {
        await using var scope = _host.InTeam(_team);
        await using var db = await scope.DbAsync();
        var queue = scope.Get<JobQueue>();
        var job = queue.Add(db, LongJobHandler.JobKind, new { });
        await db.SaveChangesAsync(Cancel);
        queue.Wake();
        return job.Id;
    }

    private async Task<Job> FinishedAsync(Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = _host.InTeam(_team);
            await using var db = await scope.DbAsync();
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, Cancel);
            if (job.Status is JobStatus.Succeeded or JobStatus.Failed || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(50, Cancel);
        }
    }
}
