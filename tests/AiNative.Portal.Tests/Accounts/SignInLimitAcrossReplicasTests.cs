using System.Globalization;
using System.Net;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Accounts;

public sealed class SignInLimitAcrossReplicasTests
{
    private const int Limit = 3;

    [Fact]
    public async Task Attempts_spread_over_two_replicas_of_one_database_are_limited_at_the_total()
    {
        using var database = new SharedTestDatabase();
        using var first = Replica(database);
        using var second = Replica(database);
        await first.CreateAdministratorAsync();

        // Alternating replicas: each sees fewer than the limit itself, together they reach it.
        var replicas = new[] { first, second, first };
        for (var i = 0; i < Limit; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => replicas[i].SignInAsync(email: $"guess{i}@example.com"));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => second.SignInAsync());
        Assert.Contains($"{(int)HttpStatusCode.TooManyRequests}", refused.Message, StringComparison.Ordinal);
    }

    private static PortalFactory Replica(SharedTestDatabase database)
    {
        var portal = new PortalFactory()
            .WithSetting("Portal:Authentication:SignInLimit:PermitLimit", Limit.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Portal:Authentication:SignInLimit:Window", "00:10:00");
        foreach (var (key, value) in database.Settings)
        {
            portal.WithSetting(key, value);
        }

        return portal;
    }
}
