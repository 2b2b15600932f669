using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// The job table as workers use it, across teams. Every change is a conditional UPDATE on the
/// lease owner, so it is atomic on SQLite and PostgreSQL alike and a worker that lost its lease
/// changes nothing.
/// </summary>
public sealed class JobStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<JobOptions> options)
{
    private const int ClaimCandidates = 8;

    /// <summary>Claims the next due job: queued and available, or running with an expired lease.</summary>
    public async Task<ClaimedJob?> TryClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expires = now + lease;
        return db.Database.IsNpgsql()
            ? await PostgresJobClaim.TryClaimAsync(db, owner, now, expires, cancellationToken)
            : await ClaimWithConditionalUpdateAsync(db, owner, now, expires, cancellationToken);
    }

    /// <summary>Extends the lease: when it now runs out, or null when the worker no longer holds it (it expired and another took it).</summary>
    public async Task<DateTimeOffset?> RenewAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + lease;
        return await UpdateHeldAsync(id, owner, s => s.SetProperty(j => j.LeaseExpiresAt, expires), cancellationToken) ? expires : null;
    }

    public Task<bool> ReportProgressAsync(Guid id, string owner, double progress, string? message, CancellationToken cancellationToken) =>
        UpdateHeldAsync(id, owner, s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.ProgressMessage, Shorten(message, 200)), cancellationToken);

    public Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync(id, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Succeeded)
            .SetProperty(j => j.Progress, 1)
            .SetProperty(j => j.Error, (string?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>Queues the job again after <paramref name="delay"/>, or after the exponential back-off of its attempt.</summary>
    public Task<bool> RetryLaterAsync(Guid id, string owner, int attempt, string reason, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var wait = delay ?? BackOff(attempt);
        var available = clock.GetUtcNow() + wait;
        return UpdateHeldAsync(id, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Error, Shorten(reason, 2000))
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.AvailableAt, available), cancellationToken);
    }

    public Task<bool> FailAsync(Guid id, string owner, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync(id, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.Error, Shorten(reason, 2000))
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>
    /// Queues the job again after <paramref name="delay"/> without counting the attempt, saying what it
    /// waits for; an earlier attempt's error no longer applies. A <paramref name="payload"/> replaces the job's.
    /// </summary>
    public Task<bool> PostponeAsync(Guid id, string owner, string reason, TimeSpan delay, string? payload, CancellationToken cancellationToken)
    {
        var available = clock.GetUtcNow() + delay;
        return UpdateHeldAsync(id, owner, s =>
        {
            s.SetProperty(j => j.Status, JobStatus.Queued)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.ProgressMessage, Shorten(reason, 200))
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.AvailableAt, available);
            if (payload is not null)
            {
                s.SetProperty(j => j.Payload, payload);
            }
        }, cancellationToken);
    }

    /// <summary>Gives the job back at shutdown, without counting the interrupted attempt.</summary>
    public Task<bool> ReleaseAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync(id, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.AvailableAt, now), cancellationToken);
    }

    public TimeSpan BackOff(int attempt)
    {
        var doubling = Math.Pow(2, Math.Clamp(attempt - 1, 0, 10));
        return options.Value.RetryBaseDelay * doubling;
    }

    /// <summary>SQLite has one writer at a time: reading candidates, then updating one only if it is still claimable, is enough.</summary>
    private static async Task<ClaimedJob?> ClaimWithConditionalUpdateAsync(PortalDbContext db, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var candidates = await Claimable(db, now).OrderBy(j => j.AvailableAt).Select(j => j.Id).Take(ClaimCandidates).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var claimed = await Claimable(db, now).Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, expires)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, now),
                cancellationToken);
            if (claimed == 1)
            {
                // Another worker may claim the same id between our read and update; only one UPDATE matches.
                return await db.Jobs.IgnoreQueryFilters().AsNoTracking()
                    .Where(j => j.Id == id)
                    .Join(db.Teams, j => j.TeamId, t => t.Id, (j, t) => new ClaimedJob(j.Id, j.TeamId, t.Name, j.Kind, j.Payload, j.Attempts, expires))
                    .SingleAsync(cancellationToken);
            }
        }

        return null;
    }

    private static IQueryable<Job> Claimable(PortalDbContext db, DateTimeOffset now) =>
        db.Jobs.IgnoreQueryFilters().Where(j =>
            (j.Status == JobStatus.Queued && j.AvailableAt <= now)
            || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now));

    private async Task<bool> UpdateHeldAsync(
        Guid id,
        string owner,
        Action<UpdateSettersBuilder<Job>> setters,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(setters, cancellationToken);
        return updated == 1;
    }

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
