namespace AiNative.Services.Platform.Jobs;

/// <summary>Wakes idle workers of this process when work is queued, so they need not wait for their next poll.</summary>
public sealed class JobSignal
{
    private const int MaxPendingWakes = 64;
    private readonly SemaphoreSlim _wakes = new(0, MaxPendingWakes);

    public void Wake()
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

    /// <summary>Returns when woken or when <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakes.WaitAsync(timeout, cancellationToken);
}
