using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Platform;

/// <summary>Costs add up in the database to the cent and beyond, on SQLite as on PostgreSQL.</summary>
public sealed class ExactAmountsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Costs_sum_compare_and_read_back_exactly_in_the_database()
    {
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:Jobs:Workers"] = "0" });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await using (var db = await scope.DbAsync())
        {
            // Ten of 0.1 and one of 0.2: as doubles they sum to 1.2000000000000002.
            db.Traces.AddRange(Enumerable.Range(0, 10).Select(i => Costing($"tenth {i}", 0.1m)));
            db.Traces.Add(Costing("fifth", 0.2m));
            db.Traces.Add(Costing("smallest", 0.0000000001m));
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = await scope.DbAsync();
        Assert.Equal(1.2000000001m, await read.Traces.SumAsync(t => t.Cost, Cancel));
        Assert.Equal(["fifth"], await read.Traces.Where(t => t.Cost > 0.1m).Select(t => t.Name).ToListAsync(Cancel));
        Assert.Equal("0.0000000001", (await read.Traces.SingleAsync(t => t.Name == "smallest", Cancel)).Cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.1", (await read.Traces.FirstAsync(t => t.Name == "tenth 0", Cancel)).Cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Trace Costing(string name, decimal cost) =>
        new() { Name = name, Source = TraceSource.Api, Status = TraceStatus.Succeeded, StartedAt = DateTimeOffset.UtcNow, Cost = cost };
}
