using AiNative.Services.Gateway.Routes;
using Microsoft.Extensions.Caching.Hybrid;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// The gateway's exact-match response cache (<see cref="HybridCache"/>): keyed by team, route and the digest of
/// the normalised request, kept for the route's time. Only whole text answers are kept, never tool calls or failures.
/// </summary>
public sealed class GatewayAnswerCache(HybridCache cache)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public async ValueTask<CachedAnswer?> FindAsync(Guid teamId, GatewayRoute route, string target, string digest, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key(teamId, route, target, digest), _ => ValueTask.FromResult<CachedAnswer?>(null), ReadOnly, cancellationToken: cancellationToken);

    public ValueTask KeepAsync(Guid teamId, GatewayRoute route, string target, string digest, CachedAnswer answer, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromSeconds(route.CacheSeconds);
        return cache.SetAsync(Key(teamId, route, target, digest), answer,
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The route's id and last change are in the key, so editing a route starts its cache afresh, and so is the chosen
    /// target (a model, or the prompt version a label points at now).
    /// </summary>
    private static string Key(Guid teamId, GatewayRoute route, string target, string digest) =>
        $"gateway/{teamId:N}/{route.Id:N}/{route.UpdatedAt.ToUnixTimeMilliseconds()}/{target}/{digest}";
}
