using System.Collections.Concurrent;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Experiments.Running;

/// <summary>
/// Runs experiments' cells in the background, durably. Cells are claimed from the database under a lease (one UPDATE
/// per claim) and renewed by one heartbeat; at start, and now and then, cells whose lease ran out (a killed process's)
/// go back to the queue, so none is lost, and a result is kept only under the claim that ran it, so none is kept twice.
/// Calls in flight are bounded per provider; a provider's 429 pauses that provider for its Retry-After and puts the
/// cell back to wait, instead of failing it. A stopping process gives its cells back. Results are kept by
/// <see cref="FinishedCells"/>, many cells a commit.
/// </summary>
internal sealed partial class ExperimentRunner(
    IServiceScopeFactory scopes,
    ExperimentEvents events,
    FinishedCells finished,
    IOptions<ExperimentOptions> options,
    TimeProvider clock,
    ILogger<ExperimentRunner> logger) : BackgroundService
{
    private const int MaxPendingWakes = 1024;

    private readonly SemaphoreSlim _wakes = new(0, MaxPendingWakes);
    private readonly ConcurrentDictionary<Guid, ProviderLane> _lanes = new();
    private readonly ConcurrentDictionary<Guid, RunningCell> _running = new();
    private DateTimeOffset _nextReclaim = DateTimeOffset.MinValue;

    /// <summary>Unique per runner, so a restarted process never mistakes its predecessor's leases for its own.</summary>
    internal string Owner { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    private ExperimentOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.RunnerEnabled)
        {
            return;
        }

        events.Queued += Wake;
        events.Cancelled += CancelExperiment;
        var heartbeat = HeartbeatAsync(stoppingToken);
        var keeping = finished.RunAsync();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var next = await ClaimAsync(stoppingToken);
                    await _wakes.WaitAsync(next, stoppingToken);

                    // One look claims for every cell that ended meanwhile.
                    while (_wakes.Wait(0, CancellationToken.None))
                    {
                        // Taken.
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // The database may be briefly unavailable; the runner must outlive it.
                    LogLoopFailed(LevelOf(e), e);
                    await PauseAsync(stoppingToken);
                }
            }
        }
        finally
        {
            events.Queued -= Wake;
            events.Cancelled -= CancelExperiment;

            // Cells in flight see the stopping token, give their cells back and end.
            await Task.WhenAll(_running.Values.Select(r => r.Task));
            finished.Complete();
            await keeping;
            await heartbeat;
        }
    }

    private void Wake()
    {
        try
        {
            _wakes.Release();
        }
        catch (SemaphoreFullException)
        {
            // Enough wakes are pending already; each one makes the loop look for all due work.
        }
    }

    /// <summary>Claims what each provider has room for; answers how long to wait before looking again.</summary>
    private async Task<TimeSpan> ClaimAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExperimentCellStore>();
        var now = clock.GetUtcNow();
        if (now >= _nextReclaim)
        {
            // At start, then every half lease: cells of a runner that died are due again.
            _nextReclaim = now + (Options.LeaseDuration / 2);
            await store.ReclaimExpiredAsync(now, stoppingToken);
        }

        var wait = Options.PollInterval;
        foreach (var providerId in await store.ProvidersWithWorkAsync(stoppingToken))
        {
            var lane = _lanes.GetOrAdd(providerId, id => new ProviderLane(Options.ProviderConcurrency.GetValueOrDefault(id, Options.ConcurrencyPerProvider)));
            if (lane.PausedUntil > now)
            {
                wait = Min(wait, lane.PausedUntil - now);
                continue;
            }

            var room = Math.Min(lane.Room, Options.ClaimBatch);
            if (room <= 0)
            {
                continue;
            }

            foreach (var cell in await store.ClaimAsync(Owner, providerId, room, now, Options.LeaseDuration, stoppingToken))
            {
                Start(cell, lane, stoppingToken);
            }
        }

        return wait;
    }

    private void Start(ClaimedCell cell, ProviderLane lane, CancellationToken stoppingToken)
    {
        lane.Enter();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new RunningCell(cell.ExperimentId, cancel, started.Task);
        _running[cell.Id] = running;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(cell, lane, cancel.Token, stoppingToken);
            }
            catch (Exception e)
            {
                LogCellFailed(LevelOf(e), e, cell.Id);
                await GiveBackAsync(cell);
            }
            finally
            {
                _running.TryRemove(cell.Id, out _);
                cancel.Dispose();
                lane.Leave();
                started.TrySetResult();
                Wake();
            }
        }, CancellationToken.None);
    }

    private async Task RunAsync(ClaimedCell cell, ProviderLane lane, CancellationToken cancellation, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExperimentCellStore>();

        // Traces of the cell's calls name the person who started the experiment.
        var actor = new Actor(cell.StartedById, cell.StartedBy ?? Actor.System.Name);
        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(cell.TeamId, cell.TeamName, TeamRole.Editor, actor));
        CellOutcome outcome;
        try
        {
            outcome = await scope.ServiceProvider.GetRequiredService<CellExecution>().RunAsync(cell, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await store.ReleaseAsync(cell, clock.GetUtcNow(), rateLimited: false, cost: 0, CancellationToken.None);
            }
            else if (await store.CancelAsync(cell, ExperimentTexts.CancelledWhileRunning, clock.GetUtcNow(), CancellationToken.None))
            {
                await ReportAsync(store, cell.ExperimentId);
            }

            return;
        }

        switch (outcome)
        {
            case CellRateLimited limited:
                var wait = Min(limited.RetryAfter ?? Options.DefaultRetryAfter, Options.MaxRetryAfter);
                var until = clock.GetUtcNow() + wait;
                lane.PauseUntil(until);
                LogRateLimited(cell.ProviderId, wait.TotalSeconds);
                await store.ReleaseAsync(cell, until, rateLimited: true, limited.Cost, CancellationToken.None);
                break;
            case CellFinished ended:
                // The cell keeps its provider place until its result is committed: a cell that reaches the cost cap
                // must be counted before the next one is claimed.
                if (!await finished.KeepAsync(cell, ended))
                {
                    LogClaimLost(cell.Id);
                }

                break;
        }
    }

    /// <summary>After an unexpected failure: the cell waits a moment and runs again, the failed attempt counted.</summary>
    private async Task GiveBackAsync(ClaimedCell cell)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExperimentCellStore>().ReleaseAsync(
                cell, clock.GetUtcNow() + Options.PollInterval, rateLimited: false, cost: 0, CancellationToken.None, countAttempt: true);
        }
        catch (Exception e)
        {
            // The heartbeat no longer renews it: its lease runs out and a runner takes it again.
            LogCellFailed(LevelOf(e), e, cell.Id);
        }
    }

    private async Task ReportAsync(ExperimentCellStore store, Guid experimentId)
    {
        if (await store.ProgressAsync(experimentId, CancellationToken.None) is { } progress)
        {
            events.RaiseProgress(progress);
        }
    }

    private void CancelExperiment(Guid experimentId)
    {
        foreach (var running in _running.Values.Where(r => r.ExperimentId == experimentId))
        {
            try
            {
                running.Cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The cell ended meanwhile.
            }
        }
    }

    /// <summary>Renews the leases of every cell this runner holds, a third of a lease apart, until the runner stops.</summary>
    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.LeaseDuration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_running.IsEmpty)
                {
                    continue;
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ExperimentCellStore>()
                        .RenewAsync(Owner, [.. _running.Keys], clock.GetUtcNow() + Options.LeaseDuration, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewalFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The runner stopped.
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Options.PollInterval, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record RunningCell(Guid ExperimentId, CancellationTokenSource Cancel, Task Task);

    /// <summary>A busy or unreachable database is a warning: the runner waits and tries again, and nothing is lost.</summary>
    private static LogLevel LevelOf(Exception exception) =>
        TransientFailures.IsTransient(exception) ? LogLevel.Warning : LogLevel.Error;

    [LoggerMessage(Message = "The experiment runner failed to claim or record cells; it tries again")]
    private partial void LogLoopFailed(LogLevel level, Exception exception);

    [LoggerMessage(Message = "Experiment cell {CellId} failed unexpectedly; it will be run again")]
    private partial void LogCellFailed(LogLevel level, Exception exception, Guid cellId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of the experiment runner's cells failed; trying again")]
    private partial void LogRenewalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {ProviderId} limits the rate; its experiment cells wait {Seconds:0.#} s")]
    private partial void LogRateLimited(Guid providerId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment cell {CellId} was taken by another runner before its result was kept; the result is dropped")]
    private partial void LogClaimLost(Guid cellId);
}
