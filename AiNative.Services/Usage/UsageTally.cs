namespace AiNative.Services.Usage;

/// <summary>Adds up the requests of one group, keeping latencies for the percentiles.</summary>
internal sealed class UsageTally
{
    private readonly List<double> _latencies = [];
    private long _requests;
    private long _errors;
    private long _inputTokens;
    private long _outputTokens;
    private decimal _cost;
    private long _unpriced;
    private long _cacheHits;
    private decimal _savings;

    public decimal Cost => _cost;

    public void Add(UsageRecord record)
    {
        _requests++;
        _errors += record.Failed ? 1 : 0;
        _inputTokens += record.InputTokens;
        _outputTokens += record.OutputTokens;
        _cost += record.Cost;
        _unpriced += record.Unpriced ? 1 : 0;
        _cacheHits += record.CacheHit ? 1 : 0;
        _savings += record.Saved;
        _latencies.Add(record.LatencyMs);
    }

    public UsageFigures Figures()
    {
        _latencies.Sort();
        return new UsageFigures(_requests, _errors, _inputTokens, _outputTokens, _cost, _unpriced, _cacheHits, _savings,
            Percentile(_latencies, 0.50), Percentile(_latencies, 0.95));
    }

    /// <summary>The nearest-rank percentile of sorted values, as people read "95% took at most this long".</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
