using AiNative.Services.Platform.Replicas;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Jobs;

/// <summary>Wakes idle workers of every replica when work is queued, so they need not wait for their next poll.</summary>
public sealed class JobSignal
{
    private const string Topic = "jobs.queued";
    private const int MaxPendingWakes = 64;

    private readonly SemaphoreSlim _wakes = new(0, MaxPendingWakes);
    private readonly ReplicaChannel _replicas;
    private readonly int _workers;

    public JobSignal(ReplicaChannel replicas, IOptions<JobOptions> options)
    {
        _replicas = replicas;
        _workers = Math.Clamp(options.Value.Workers, 1, MaxPendingWakes);

        // Wakes missed while not listening may have been for queued work: look once.
        replicas.Subscribe(Topic, _ => WakeHere(), WakeHere);
    }

    public void Wake() => _replicas.Publish(Topic);

    /// <summary>Returns when woken or when <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakes.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Wakes every idle worker: a wake may stand for many jobs (an upload of twenty files), and a worker woken alone
    /// would leave the others to their next poll. Those that find nothing go back to waiting.
    /// </summary>
    private void WakeHere()
    {
        try
        {
            _wakes.Release(_workers);
        }
        catch (SemaphoreFullException)
        {
            // Enough wakes are pending already; each one makes a worker look for all due work.
        }
    }
}
