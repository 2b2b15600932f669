namespace AiNative.Services.Experiments.Running;

/// <summary>One provider's share of a runner: how many of its calls are in flight, how many may be, and until when it asked to be left alone.</summary>
internal sealed class ProviderLane(int limit)
{
    private int _inFlight;
    private long _pausedUntilTicks = DateTimeOffset.MinValue.UtcTicks;

    public int Room => Math.Max(0, limit - Volatile.Read(ref _inFlight));

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    /// <summary>Takes a place; disposing the answer (once or more) gives it back and calls <paramref name="left"/>.</summary>
    public IDisposable Enter(Action left)
    {
        Interlocked.Increment(ref _inFlight);
        return new Place(this, left);
    }

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

    private sealed class Place(ProviderLane lane, Action left) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                Interlocked.Decrement(ref lane._inFlight);
                left();
            }
        }
    }
}
