using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Routes;

namespace AiNative.Services.Tests.Gateway;

public sealed class TargetPickerTests
{
    private static readonly Guid Control = Guid.NewGuid();
    private static readonly Guid Canary = Guid.NewGuid();

    [Fact]
    public void An_80_20_split_over_10000_requests_stays_within_four_standard_deviations()
    {
        var route = Route(new RouteTarget(Control, 80), new RouteTarget(Canary, 20));

        var canary = Enumerable.Range(0, 10_000).Count(_ => TargetPicker.Pick(route, null).ModelId == Canary);

        // Binomial(10,000, 0.2): mean 2,000, standard deviation 40.
        Assert.InRange(canary, 2_000 - 160, 2_000 + 160);
    }

    [Fact]
    public void A_named_end_user_always_lands_on_the_same_target_and_users_spread_by_weight()
    {
        var route = Route(new RouteTarget(Control, 50), new RouteTarget(Canary, 50));

        var users = Enumerable.Range(0, 2_000).Select(i => $"user-{i}").ToList();
        var first = users.ToDictionary(u => u, u => TargetPicker.Pick(route, u).ModelId);

        Assert.All(users, u => Assert.Equal(first[u], TargetPicker.Pick(route, u).ModelId));
        Assert.InRange(first.Values.Count(id => id == Canary), 1_000 - 135, 1_000 + 135);
    }

    [Fact]
    public void A_target_with_weight_zero_gets_no_traffic()
    {
        var route = Route(new RouteTarget(Control, 1), new RouteTarget(Canary, 0));

        Assert.All(Enumerable.Range(0, 1_000), i => Assert.Equal(Control, TargetPicker.Pick(route, i % 2 == 0 ? null : $"u{i}").ModelId));
    }

    private static GatewayRoute Route(params RouteTarget[] targets) => new() { Name = "split", Targets = [.. targets] };
}
