namespace AiNative.Services.Experiments.Running;

/// <summary>One provider's share of a runner: how many of its calls are in flight, how many may be, and until when it asked to be left alone.</summary>
internal sealed class ProviderLane(int limit)
{
    private int _inFlight;
    private long _pausedUntilTicks = DateTimeOffset.MinValue.UtcTicks;

    public int Room => Math.Max(0, limit - Volatile.Read(ref _inFlight));

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Claims nothing more of this provider before <paramref name="until"/> (a later pause wins).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, ticks, current) != current);
    }
}
