using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Platform.Jobs;

/// <summary>Wakes idle workers of every replica when work is queued, so they need not wait for their next poll.</summary>
public sealed class JobSignal
{
    private const string Topic = "jobs.queued";
    private const int MaxPendingWakes = 64;

    private readonly SemaphoreSlim _wakes = new(0, MaxPendingWakes);
    private readonly ReplicaChannel _replicas;

    public JobSignal(ReplicaChannel replicas)
    {
        _replicas = replicas;

        // Wakes missed while not listening may have been for queued work: look once.
        replicas.Subscribe(Topic, _ => WakeHere(), WakeHere);
    }

    public void Wake() => _replicas.Publish(Topic);

    /// <summary>Returns when woken or when <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakes.WaitAsync(timeout, cancellationToken);

    private void WakeHere()
    {
        try
        {
            _wakes.Release();
        }
        catch (SemaphoreFullException)
        {
            // Enough wakes are pending already; each one makes a worker look for all due work.
        }
    }
}
