using Microsoft.Extensions.Caching.Memory;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Summaries kept until the experiment's counts change (a cell ends): working one out reads every cell's JSON and
/// bootstraps every mean, seconds for 100,000 cells, while a finished experiment's summary never changes.
/// </summary>
public sealed class SummaryCache : IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    public async Task<ExperimentSummary> GetOrAddAsync(Experiment experiment, Func<Task<ExperimentSummary>> summarize)
    {
        var key = (nameof(SummaryCache), experiment.Id, experiment.Status, experiment.SucceededCount, experiment.FailedCount, experiment.SkippedCount, experiment.CancelledCount);
        if (cache.TryGetValue(key, out ExperimentSummary? kept) && kept is not null)
        {
            return kept;
        }

        var summary = await summarize();
        cache.Set(key, summary, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor, Size = 1 });
        return summary;
    }

    public void Dispose() => cache.Dispose();
}
