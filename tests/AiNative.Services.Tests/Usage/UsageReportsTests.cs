using AiNative.Services.Data;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Usage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Usage;

public sealed class UsageReportsTests : IAsyncLifetime
{
    // Days far from today, so that the work other tests record in the demo team is not counted.
    private static readonly DateOnly Day1 = new(2025, 3, 10);
    private static readonly DateOnly Day2 = new(2025, 3, 11);

    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    // Reports read the models' prices only; nothing is called.
    private const string NoProvider = "http://127.0.0.1:9/v1";

    private ModelDefinition _priced = null!;
    private ModelDefinition _unpriced = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.CreateTeamAsync($"usage {Guid.NewGuid():N}"), TeamRole.Viewer);
        _priced = await _scope.AddOpenAiCompatibleModelAsync(NoProvider, "priced", inputPrice: 2m, outputPrice: 8m);
        _unpriced = await _scope.AddOpenAiCompatibleModelAsync(NoProvider, "local", inputPrice: 0m, outputPrice: 0m);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_report_by_model_adds_up_each_day_and_shows_a_model_without_a_price_as_not_configured_rather_than_free()
    {
        await AddAsync(
            Work(Day1, 10, latency: 100, cost: 0.002m),
            Work(Day1, 12, latency: 300, cost: 0.004m),
            Work(Day2, 14, latency: 200, cost: 0.001m, status: TraceStatus.Failed),
            Work(Day2, 9, latency: 50, cost: 0m, model: _unpriced),
            Work(Day2, 15, latency: 9_999, cost: 1m, status: TraceStatus.Running));

        var report = await _scope.Get<UsageReports>().GetAsync(new UsageQuery(Day1, Day2, UsageDimension.Model), Cancel);

        Assert.Equal([_priced.Name, _unpriced.Name], report.Groups.Select(g => g.Label));
        var priced = report.Groups[0].Figures;
        Assert.Equal((3L, 1L, 300L, 36L, 0.007m, false), (priced.Requests, priced.Errors, priced.InputTokens, priced.OutputTokens, priced.Cost, priced.PriceNotConfigured));
        Assert.Equal((200.0, 300.0), (priced.LatencyP50Ms, priced.LatencyP95Ms));
        var unpriced = report.Groups[1].Figures;
        Assert.Equal((1L, 1L, true, 0m), (unpriced.Requests, unpriced.UnpricedRequests, unpriced.PriceNotConfigured, unpriced.Cost));
        Assert.False(report.Total.PriceNotConfigured);
        Assert.Equal((4L, 1L, 0.007m), (report.Total.Requests, report.Total.UnpricedRequests, report.Total.Cost));
        Assert.Equal(
            [(Day1, _priced.Name, 2L, 0.006m), (Day2, _priced.Name, 1L, 0.001m), (Day2, _unpriced.Name, 1L, 0m)],
            report.Days.Select(d => (d.Day, d.Group, d.Figures.Requests, d.Figures.Cost)));
    }

    [Fact]
    public async Task Gateway_requests_group_by_route_and_key_with_cache_hits_and_what_they_saved()
    {
        await AddAsync(
            Gateway(Day1, "support", "key mobile", cost: 0.01m),
            Gateway(Day1, "support", "key web", cost: 0m, cacheHitSaving: 0.01m),
            Gateway(Day1, null, "key web", cost: 0.02m, asked: "gpt-direct"),
            Work(Day1, 10, latency: 10, cost: 0.5m));

        var reports = _scope.Get<UsageReports>();
        var byRoute = await reports.GetAsync(new UsageQuery(Day1, Day1, UsageDimension.Route, TraceSource.Gateway), Cancel);
        var byKey = await reports.GetAsync(new UsageQuery(Day1, Day1, UsageDimension.Caller, TraceSource.Gateway), Cancel);
        var bySource = await reports.GetAsync(new UsageQuery(Day1, Day1, UsageDimension.Source), Cancel);

        Assert.Equal([("gpt-direct", 1L), ("support", 2L)], byRoute.Groups.Select(g => (g.Label, g.Figures.Requests)));
        var support = byRoute.Groups[1].Figures;
        Assert.Equal((1L, 0.01m, 0L), (support.CacheHits, support.CacheSavings, support.UnpricedRequests));
        Assert.Equal([("key web", 0.02m), ("key mobile", 0.01m)], byKey.Groups.Select(g => (g.Label, g.Figures.Cost)));
        Assert.Equal([("Playground", 0.5m), ("Gateway", 0.03m)], bySource.Groups.Select(g => (g.Label, g.Figures.Cost)));
    }

    [Fact]
    public async Task A_period_backwards_or_longer_than_a_year_is_refused_naming_the_field()
    {
        var reports = _scope.Get<UsageReports>();

        var backwards = await Assert.ThrowsAsync<ValidationFailedException>(() => reports.GetAsync(new UsageQuery(Day2, Day1, UsageDimension.Model), Cancel));
        var long_ = await Assert.ThrowsAsync<ValidationFailedException>(() => reports.GetAsync(new UsageQuery(Day1, Day1.AddDays(400), UsageDimension.Model), Cancel));

        Assert.Contains("From", backwards.Errors.Keys);
        Assert.Contains("To", long_.Errors.Keys);
    }

    [Fact]
    public async Task A_keys_monthly_budget_burns_down_day_by_day_and_says_when_it_runs_out_at_the_rate_so_far()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        Guid keyId;
        await using (var owner = _host.InTeam(_scope.Get<TeamContext>().TeamId, TeamRole.Owner))
        {
            keyId = (await owner.Get<GatewayKeys>().CreateAsync(new GatewayKeyInput { Name = "burner", MonthlyBudget = 1m }, Cancel)).Key.Id;
        }

        // Spent at a rate that passes the budget before the month ends: half of it on the first day.
        await AddAsync(Gateway(monthStart, "support", "key burner", cost: 0.5m, keyId: keyId));

        var burnDown = Assert.Single(await _scope.Get<UsageReports>().GetBurnDownsAsync(Cancel));

        var elapsed = today.DayNumber - monthStart.DayNumber + 1;
        var days = DateTime.DaysInMonth(today.Year, today.Month);
        Assert.Equal(("burner", 1m, 0.5m), (burnDown.KeyName, burnDown.Budget, burnDown.Spent));
        Assert.Equal(elapsed, burnDown.Days.Count);
        Assert.All(burnDown.Days, d => Assert.Equal(0.5m, d.SpentToDate));
        Assert.Equal(Money.Round(0.5m * days / elapsed), burnDown.ProjectedMonthEnd);
        Assert.Equal(burnDown.ProjectedMonthEnd > 1m ? monthStart.AddDays(2 * elapsed - 1) : null, burnDown.RunsOutOn);
    }

    private Trace Work(DateOnly day, long outputTokens, double latency, decimal cost, TraceStatus status = TraceStatus.Succeeded, ModelDefinition? model = null) => new()
    {
        Name = "run",
        Source = TraceSource.Playground,
        Status = status,
        StartedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero),
        LatencyMs = latency,
        ModelId = (model ?? _priced).Id,
        ModelName = (model ?? _priced).Name,
        ActorName = "Ada",
        InputTokens = 100,
        OutputTokens = outputTokens,
        Cost = cost,
    };

    private Trace Gateway(DateOnly day, string? route, string key, decimal cost, decimal? cacheHitSaving = null, string? asked = null, Guid? keyId = null)
    {
        var trace = Work(day, 10, latency: 20, cost: cost);
        trace.Source = TraceSource.Gateway;
        trace.Name = asked ?? route!;
        trace.ActorName = key;
        trace.ActorId = keyId ?? Guid.CreateVersion7();
        trace.Metadata[GatewayMetadata.Cache] = cacheHitSaving is null ? "miss" : "hit";
        if (route is not null)
        {
            trace.Metadata[GatewayMetadata.Route] = route;
        }

        if (cacheHitSaving is { } saved)
        {
            trace.Metadata[GatewayMetadata.SavedUsd] = saved.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return trace;
    }

    private async Task AddAsync(params Trace[] traces)
    {
        await using var db = await _scope.DbAsync();
        var teamId = _scope.Get<TeamContext>().TeamId;
        foreach (var trace in traces)
        {
            trace.TeamId = teamId;
        }

        db.Traces.AddRange(traces);
        await db.SaveChangesAsync(Cancel);
    }
}
