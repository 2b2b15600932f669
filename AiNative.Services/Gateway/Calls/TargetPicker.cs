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
    public static RouteTarget Pick(GatewayRoute route, string? endUser)
    {
        var targets = route.Targets.Where(t => t.Weight > 0).ToList();
        var total = targets.Sum(t => (long)t.Weight);
        var point = endUser is null ? Random.Shared.NextInt64(total) : StablePoint(route.Id, endUser, total);
        foreach (var target in targets)
        {
            if (point < target.Weight)
            {
                return target;
            }

            point -= target.Weight;
        }

        return targets[^1];
    }

    private static long StablePoint(Guid routeId, string endUser, long total)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{routeId:N}/{endUser}"));
        return (long)(BitConverter.ToUInt64(hash, 0) % (ulong)total);
    }
}
