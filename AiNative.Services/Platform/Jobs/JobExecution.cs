using System.Text.Json;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Platform.Jobs;

/// <summary>One claimed job from start to recorded outcome, with its lease renewed while the handler works.</summary>
internal sealed partial class JobExecution(IServiceScopeFactory scopes, ClaimedJob job, string owner, JobOptions options, TimeProvider clock, ILogger logger)
{
    // When the lease runs out, as the claim or the last renewal wrote it: another worker may claim the job from then on.
    private DateTimeOffset _leaseExpiresAt = job.LeaseExpiresAt;

    // Renewing gives up this long before the lease runs out, so the handler is cancelled before another worker can start.
    private TimeSpan SafetyMargin => options.LeaseDuration / 6;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        if (handler is null)
        {
            await store.FailAsync(job.Id, owner, $"No handler runs jobs of kind '{job.Kind}'.", CancellationToken.None);
            return;
        }

        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(job.TeamId, job.TeamName));
        var run = new JobRun(job, (progress, message, ct) => store.ReportProgressAsync(job.Id, owner, progress, message, ct));
        if (job.Attempts > options.MaxAttempts)
        {
            await GiveUpAsync(store, handler, run, $"The job was started {job.Attempts - 1} times without finishing (the process stopped each time).");
            return;
        }

        using var leaseLost = new CancellationTokenSource();
        using var runTimeOver = new CancellationTokenSource(options.MaxRunTime, clock);
        using var stopHandler = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leaseLost.Token, runTimeOver.Token);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewLeaseAsync(store, leaseLost, renewing.Token);
        JobOutcome outcome;
        try
        {
            outcome = await handler.RunAsync(run, stopHandler.Token);
        }
        catch (OperationCanceledException) when (stopHandler.IsCancellationRequested)
        {
            await renewing.CancelAsync();
            await renewal;
            if (stoppingToken.IsCancellationRequested)
            {
                await store.ReleaseAsync(job.Id, owner, CancellationToken.None);
                return;
            }

            if (leaseLost.IsCancellationRequested)
            {
                return;
            }

            // A hung attempt counts as a failed one: retried with back-off, failed for good after the last.
            await RecordAsync(store, handler, run, JobOutcome.Retry(
                $"The job ran longer than its limit of {options.MaxRunTime} ({JobOptions.Section}:{nameof(JobOptions.MaxRunTime)}) and was stopped."));
            return;
        }
        catch (Exception e)
        {
            LogHandlerFailed(e, job.Kind, job.Id);
            outcome = JobOutcome.Retry($"{e.GetType().Name}: {e.Message}");
        }

        await renewing.CancelAsync();
        await renewal;
        await RecordAsync(store, handler, run, outcome);
    }

    private async Task RecordAsync(JobStore store, IJobHandler handler, JobRun run, JobOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case JobOutcomeKind.Done:
                await store.CompleteAsync(job.Id, owner, CancellationToken.None);
                break;
            case JobOutcomeKind.Postpone:
                var payload = outcome.NextPayload is { } next ? JsonSerializer.Serialize(next) : null;
                await store.PostponeAsync(job.Id, owner, outcome.Reason ?? "Waiting.", outcome.Delay ?? TimeSpan.Zero, payload, CancellationToken.None);
                break;
            case JobOutcomeKind.Retry when job.Attempts < options.MaxAttempts:
                await store.RetryLaterAsync(job.Id, owner, job.Attempts, outcome.Reason ?? "Retrying.", outcome.Delay, CancellationToken.None);
                break;
            default:
                await GiveUpAsync(store, handler, run, outcome.Reason ?? "The job failed.");
                break;
        }
    }

    private async Task GiveUpAsync(JobStore store, IJobHandler handler, JobRun run, string reason)
    {
        await handler.OnFailedAsync(run, reason, CancellationToken.None);
        await store.FailAsync(job.Id, owner, reason, CancellationToken.None);
    }

    /// <summary>
    /// Renews at a third of the lease. A renewal that fails (the database busy) is tried again
    /// while the lease lasts; a lease lost, or about to run out, cancels the handler so two
    /// workers never both write.
    /// </summary>
    private async Task RenewLeaseAsync(JobStore store, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.LeaseDuration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (!await TryRenewAsync(store, stop))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The handler finished.
        }
    }

    /// <summary>True once renewed; false when another worker holds the lease, or when renewals kept failing until it nearly ran out.</summary>
    private async Task<bool> TryRenewAsync(JobStore store, CancellationToken stop)
    {
        var giveUpAt = _leaseExpiresAt - SafetyMargin;
        while (true)
        {
            var left = giveUpAt - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                LogLeaseGivenUp(job.Kind, job.Id);
                return false;
            }

            try
            {
                if (await RenewWithinAsync(store, left, stop) is not { } expires)
                {
                    return false;
                }

                _leaseExpiresAt = expires;
                return true;
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !stop.IsCancellationRequested))
            {
                // The give-up point passed while the database did not answer; the next turn gives up.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewalFailed(e, job.Kind, job.Id);
                var pause = Min(options.LeaseDuration / 10, giveUpAt - clock.GetUtcNow());
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, clock, stop);
                }
            }
        }
    }

    /// <summary>
    /// Renews, waiting at most <paramref name="left"/>: a busy SQLite database holds a command until its
    /// timeout (30 s by default), longer than a lease lasts. The command is told of the deadline, but
    /// a provider that does not return early is not waited for: it finishes on its own.
    /// </summary>
    private async Task<DateTimeOffset?> RenewWithinAsync(JobStore store, TimeSpan left, CancellationToken stop)
    {
        var deadline = new CancellationTokenSource(left, clock);
        var command = Task.Run(() => store.RenewAsync(job.Id, owner, options.LeaseDuration, deadline.Token), CancellationToken.None);
        _ = command.ContinueWith(_ => deadline.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return await command.WaitAsync(left, clock, stop);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {Kind} {JobId} failed; trying again")]
    private partial void LogRenewalFailed(Exception exception, string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The lease of job {Kind} {JobId} could not be renewed before it ran out; its handler is cancelled")]
    private partial void LogLeaseGivenUp(string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {JobId} failed; it will be retried")]
    private partial void LogHandlerFailed(Exception exception, string kind, Guid jobId);
}
