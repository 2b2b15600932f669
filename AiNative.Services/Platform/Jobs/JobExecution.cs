using System.Diagnostics;
using System.Text.Json;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Platform.Jobs;

/// <summary>One claimed job from start to recorded outcome, with its lease renewed while the handler works.</summary>
internal sealed partial class JobExecution(IServiceScopeFactory scopes, ClaimedJob job, string owner, JobOptions options, ILogger logger)
{
    // When the lease was last extended (or claimed, just before this execution began).
    private long _renewedAt = Stopwatch.GetTimestamp();

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
        using var runTimeOver = new CancellationTokenSource(options.MaxRunTime);
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
        using var timer = new PeriodicTimer(options.LeaseDuration / 3);
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
        // Stop before the lease runs out, so this handler is cancelled before another worker can claim the job.
        var giveUpAfter = options.LeaseDuration * 5 / 6;
        while (true)
        {
            var attemptedAt = Stopwatch.GetTimestamp();
            try
            {
                if (!await store.RenewAsync(job.Id, owner, options.LeaseDuration, stop))
                {
                    return false;
                }

                _renewedAt = attemptedAt;
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var held = Stopwatch.GetElapsedTime(_renewedAt);
                if (held >= giveUpAfter)
                {
                    LogLeaseGivenUp(e, job.Kind, job.Id);
                    return false;
                }

                LogRenewalFailed(e, job.Kind, job.Id);
                await Task.Delay(Min(options.LeaseDuration / 10, giveUpAfter - held), stop);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {Kind} {JobId} failed; trying again")]
    private partial void LogRenewalFailed(Exception exception, string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The lease of job {Kind} {JobId} could not be renewed before it ran out; its handler is cancelled")]
    private partial void LogLeaseGivenUp(Exception exception, string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {JobId} failed; it will be retried")]
    private partial void LogHandlerFailed(Exception exception, string kind, Guid jobId);
}
