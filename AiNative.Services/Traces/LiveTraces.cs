using System.Collections.Concurrent;

namespace AiNative.Services.Traces;

/// <summary>
/// The traces this process is running now, so a reader can wait for one to end (the playground reopens a
/// run it cancelled) instead of asking again and again.
/// </summary>
public sealed class LiveTraces
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _running = new();

    internal void Started(Guid traceId) => _running.TryAdd(traceId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    internal void Ended(Guid traceId)
    {
        if (_running.TryRemove(traceId, out var ended))
        {
            ended.TrySetResult();
        }
    }

    /// <summary>Waits until the trace ends, when this process is running it; false when <paramref name="limit"/> passed first.</summary>
    public async Task<bool> WhenEndedAsync(Guid traceId, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (!_running.TryGetValue(traceId, out var running))
        {
            return true;
        }

        try
        {
            await running.Task.WaitAsync(limit, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
