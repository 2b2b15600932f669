namespace AiNative.Services.Usage;

/// <summary>
/// The numbers of a group of finished work. <see cref="Cost"/> adds only priced calls:
/// <see cref="UnpricedRequests"/> counts the requests whose model has no price, which a report shows as
/// "price not configured" rather than as free.
/// </summary>
public sealed record UsageFigures(
    long Requests,
    long Errors,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    long UnpricedRequests,
    long CacheHits,
    decimal CacheSavings,
    double? LatencyP50Ms,
    double? LatencyP95Ms)
{
    /// <summary>True when no request of the group had a price: its cost is unknown, not zero.</summary>
    public bool PriceNotConfigured => UnpricedRequests > 0 && UnpricedRequests == Requests - CacheHits;
}
