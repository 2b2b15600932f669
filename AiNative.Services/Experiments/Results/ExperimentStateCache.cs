using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Figures worked out from an experiment's cells, kept for its <see cref="ExperimentState"/> (until a cell ends) and
/// ten minutes after their last use. Callers asking for the same state while it is worked out share that one
/// computation, so viewers of a large experiment never read its cells side by side.
/// </summary>
/// <param name="sizeLimit">The most kept over all experiments, in the units of <paramref name="sizeOf"/>.</param>
public sealed class ExperimentStateCache<T>(long sizeLimit, Func<T, long> sizeOf) : IDisposable
    where T : class
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = sizeLimit });
    private readonly ConcurrentDictionary<ExperimentState, Lazy<Task<T>>> computing = new();

    /// <summary>
    /// The figures for the experiment as it is now. <paramref name="compute"/> must not depend on the caller (its own
    /// database context, no caller's cancellation): other callers may wait for it; each caller's own wait ends with
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    public Task<T> GetOrAddAsync(Experiment experiment, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        var state = ExperimentState.Of(experiment);
        if (kept.TryGetValue(state, out T? value) && value is not null)
        {
            return Task.FromResult(value);
        }

        return computing.GetOrAdd(state, s => new Lazy<Task<T>>(() => ComputeAsync(s, compute))).Value.WaitAsync(cancellationToken);
    }

    private async Task<T> ComputeAsync(ExperimentState state, Func<Task<T>> compute)
    {
        try
        {
            var value = await compute();
            kept.Set(state, value, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor, Size = Math.Max(1, sizeOf(value)) });
            return value;
        }
        finally
        {
            computing.TryRemove(state, out _);
        }
    }

    public void Dispose() => kept.Dispose();
}
