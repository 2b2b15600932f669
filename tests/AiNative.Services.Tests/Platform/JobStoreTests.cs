using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform;

public sealed class JobStoreTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private Guid _team;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await JobArrangements.StartWithoutWorkersAsync();
        _team = await _host.DemoTeamIdAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_queued_job_is_claimed_once_and_completing_it_needs_the_lease()
    {
        var id = await EnqueueAsync();
        var store = _host.Services.CreateAsyncScopeWithoutTeam().Get<JobStore>();

        var claimed = await store.TryClaimAsync("worker-a", TimeSpan.FromMinutes(1), Cancel);
        var again = await store.TryClaimAsync("worker-b", TimeSpan.FromMinutes(1), Cancel);
        var strangerCompletes = await store.CompleteAsync(id, "worker-b", Cancel);
        var ownerCompletes = await store.CompleteAsync(id, "worker-a", Cancel);

        Assert.Equal(id, claimed?.Id);
        Assert.Equal(1, claimed?.Attempts);
        Assert.Equal("Demo team", claimed?.TeamName);
        Assert.Null(again);
        Assert.False(strangerCompletes);
        Assert.True(ownerCompletes);
        Assert.Equal(JobStatus.Succeeded, (await JobAsync(id)).Status);
    }

    [Fact]
    public async Task A_claim_and_a_renewal_say_when_the_lease_runs_out_as_the_job_row_has_it()
    {
        var id = await EnqueueAsync();
        var store = _host.Services.CreateAsyncScopeWithoutTeam().Get<JobStore>();

        var claimed = await store.TryClaimAsync("worker-a", TimeSpan.FromMinutes(1), Cancel);
        var claimedUntil = (await JobAsync(id)).LeaseExpiresAt;
        var renewed = await store.RenewAsync(id, "worker-a", TimeSpan.FromMinutes(2), Cancel);
        var renewedUntil = (await JobAsync(id)).LeaseExpiresAt;

        // The database keeps less than the clock's precision.
        Assert.InRange(claimed!.LeaseExpiresAt - claimedUntil!.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.InRange(renewed!.Value - renewedUntil!.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.True(renewed > claimed.LeaseExpiresAt + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_postponed_job_gets_its_new_payload_and_no_longer_shows_an_earlier_attempts_error()
    {
        var id = await EnqueueAsync();
        var store = _host.Services.CreateAsyncScopeWithoutTeam().Get<JobStore>();
        await store.TryClaimAsync("worker-a", TimeSpan.FromMinutes(1), Cancel);
        await store.RetryLaterAsync(id, "worker-a", 1, "The provider answered 503.", TimeSpan.Zero, Cancel);
        await store.TryClaimAsync("worker-a", TimeSpan.FromMinutes(1), Cancel);

        var postponed = await store.PostponeAsync(id, "worker-a", "Waiting for other work.", TimeSpan.Zero, """{"Step":2}""", Cancel);

        var job = await JobAsync(id);
        Assert.True(postponed);
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Null(job.Error);
        Assert.Equal("Waiting for other work.", job.ProgressMessage);
        Assert.Equal("""{"Step":2}""", job.Payload);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task A_job_whose_lease_expired_is_claimed_again_and_the_old_owner_can_no_longer_write()
    {
        var id = await EnqueueAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var scope = _host.Services.CreateAsyncScopeWithoutTeam();
        var store = new JobStore(scope.Get<IDbContextFactory<PortalDbContext>>(), clock, scope.Get<IOptions<JobOptions>>());
        await store.TryClaimAsync("killed-worker", TimeSpan.FromMilliseconds(200), Cancel);

        clock.Advance(TimeSpan.FromMilliseconds(150));
        var whileLeased = await store.TryClaimAsync("new-worker", TimeSpan.FromMinutes(1), Cancel);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var retaken = await store.TryClaimAsync("new-worker", TimeSpan.FromMinutes(1), Cancel);
        var staleRenew = await store.RenewAsync(id, "killed-worker", TimeSpan.FromMinutes(1), Cancel);

        Assert.Null(whileLeased);
        Assert.Equal(id, retaken?.Id);
        Assert.Equal(2, retaken?.Attempts);
        Assert.Null(staleRenew);
        Assert.Equal("new-worker", (await JobAsync(id)).LeaseOwner);
    }

    [Fact]
    public async Task A_retried_job_waits_for_its_back_off()
    {
        var id = await EnqueueAsync();
        var store = _host.Services.CreateAsyncScopeWithoutTeam().Get<JobStore>();
        await store.TryClaimAsync("worker", TimeSpan.FromMinutes(1), Cancel);

        await store.RetryLaterAsync(id, "worker", 1, "provider busy", TimeSpan.FromMinutes(5), Cancel);
        var early = await store.TryClaimAsync("worker", TimeSpan.FromMinutes(1), Cancel);

        Assert.Null(early);
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal("provider busy", job.Error);
    }

    [Fact]
    public async Task Concurrent_workers_never_claim_the_same_job_twice()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await EnqueueAsync());
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScopeWithoutTeam();
            var store = scope.Get<JobStore>();
            var mine = new List<Guid>();
            while (await store.TryClaimAsync($"worker-{w}", TimeSpan.FromMinutes(1), Cancel) is { } job)
            {
                mine.Add(job.Id);
            }

            return mine;
        }, Cancel)));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(ids.Count, all.Count);
        Assert.Equal(ids.Order(), all.Order());
    }

    private Task<Guid> EnqueueAsync() => _host.EnqueueAsync(_team);

    private async Task<Job> JobAsync(Guid id)
    {
        await using var scope = _host.InTeam(_team);
        await using var db = await scope.DbAsync();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, Cancel);
    }
}
