using System.Security.Cryptography;
using System.Text;
using AiNative.Services.Gateway.Routes;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// Picks a route's target by weight. A request that names its end user always lands on the same target while the
/// weights stay the same (a hash of route and user picks the point), so a user sees one side of an A/B test.
/// </summary>
public static class TargetPicker
{
    public static RouteTarget Pick(GatewayRoute route, string? endUser) => Pick(route.Targets, route.Id, endUser);

    /// <summary>Picks among <paramref name="targets"/> (a route's, or those left after one could not be used), at least one with a weight.</summary>
    public static RouteTarget Pick(IReadOnlyList<RouteTarget> targets, Guid routeId, string? endUser)
    {
        var weighted = targets.Where(t => t.Weight > 0).ToList();
        var total = weighted.Sum(t => (long)t.Weight);
        var point = endUser is null ? Random.Shared.NextInt64(total) : StablePoint(routeId, endUser, total);
        foreach (var target in weighted)
        {
            if (point < target.Weight)
            {
                return target;
            }

            point -= target.Weight;
        }

        return weighted[^1];
    }

    private static long StablePoint(Guid routeId, string endUser, long total)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{routeId:N}/{endUser}"));
        return (long)(BitConverter.ToUInt64(hash, 0) % (ulong)total);
    }
}
