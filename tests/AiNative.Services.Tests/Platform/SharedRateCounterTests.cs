using AiNative.Services.Platform.RateLimits;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform;

public sealed class SharedRateCounterTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    // Inside a ten-minute window (09:00 to 09:10), so no test crosses a window's end unless it moves the clock.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 3, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hits_on_two_hosts_of_one_database_add_up_to_one_count_per_key()
    {
        using var database = new SharedTestDatabase();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);
        var counters = new[] { first, second }.Select(h => h.Services.GetRequiredService<SharedRateCounter>()).ToArray();

        var counts = new List<long>();
        for (var hit = 0; hit < 6; hit++)
        {
            counts.Add((await counters[hit % 2].AddAsync("test/shared", TenMinutes, 1, Ct)).Count);
        }

        var tokens = await counters[1].AddAsync("test/shared", TenMinutes, 250, Ct);
        var other = await counters[0].AddAsync("test/other", TenMinutes, 1, Ct);

        Assert.Equal([1, 2, 3, 4, 5, 6], counts);
        Assert.Equal(new RateWindowCount(256, new DateTimeOffset(2026, 3, 1, 9, 10, 0, TimeSpan.Zero)), tokens);
        Assert.Equal(1, other.Count);
    }

    [Fact]
    public async Task Fifty_concurrent_hits_on_one_key_with_a_limit_of_ten_admit_exactly_ten()
    {
        using var database = new SharedTestDatabase();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);
        var limiters = new[] { first, second }.Select(h => Limiter(h, "test/burst", permitLimit: 10)).ToArray();

        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(hit => Task.Run(async () => await limiters[hit % 2].AcquireAsync(1, Ct), Ct)));

        Assert.Equal(10, leases.Count(l => l.IsAcquired));
        await using var scope = first.WithoutTeam();
        await using var db = await scope.DbAsync();
        Assert.Equal(50, (await db.RateWindows.SingleAsync(Ct)).Count);
    }

    [Fact]
    public async Task The_next_window_counts_from_zero()
    {
        await using var host = await ServicesHost.StartAsync(services => services.AddSingleton<TimeProvider>(_clock));
        var counter = host.Services.GetRequiredService<SharedRateCounter>();
        await counter.AddAsync("test/window", TenMinutes, 3, Ct);

        _clock.Advance(TimeSpan.FromMinutes(7));
        var next = await counter.AddAsync("test/window", TenMinutes, 1, Ct);

        Assert.Equal(new RateWindowCount(1, new DateTimeOffset(2026, 3, 1, 9, 20, 0, TimeSpan.Zero)), next);
    }

    [Fact]
    public async Task The_cleanup_deletes_ended_windows_and_keeps_current_ones()
    {
        await using var host = await ServicesHost.StartAsync(services => services.AddSingleton<TimeProvider>(_clock));
        var counter = host.Services.GetRequiredService<SharedRateCounter>();
        await counter.AddAsync("test/minute", TimeSpan.FromMinutes(1), 1, Ct);
        await counter.AddAsync("test/day", TimeSpan.FromDays(1), 1, Ct);
        await using var scope = host.WithoutTeam();
        await using var db = await scope.DbAsync();

        // The cleanup's timer may be made after any one move of the clock (its service starts on the thread pool), so the clock moves until it has run.
        await Poll.UntilAsync(async () =>
        {
            _clock.Advance(RateWindowCleanup.Interval);
            return await db.RateWindows.CountAsync(Ct);
        }, windows => windows <= 1);

        Assert.Equal("test/day", (await db.RateWindows.SingleAsync(Ct)).Key);
    }

    [Fact]
    public async Task A_counter_that_cannot_be_reached_lets_the_request_through_and_logs_a_warning()
    {
        await using var host = await ServicesHost.StartAsync();
        await using (var scope = host.WithoutTeam())
        await using (var db = await scope.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "RateWindows" """, Ct);
        }

        var logger = new WarningLog();
        using var limiter = new SharedWindowRateLimiter(host.Services.GetRequiredService<SharedRateCounter>(), "test/broken", 1, TenMinutes, logger);
        var leases = new[] { await limiter.AcquireAsync(1, Ct), await limiter.AcquireAsync(1, Ct) };

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.Equal(2, logger.Warnings.Count(w => w.Contains("test/broken", StringComparison.Ordinal)));
    }

    private Task<ServicesHost> StartAsync(SharedTestDatabase database) =>
        ServicesHost.StartAsync(services => services.AddSingleton<TimeProvider>(_clock), settings: database.Settings);

    private static SharedWindowRateLimiter Limiter(ServicesHost host, string key, int permitLimit) =>
        new(host.Services.GetRequiredService<SharedRateCounter>(), key, permitLimit, TenMinutes, NullLogger<SharedWindowRateLimiter>.Instance);

    private sealed class WarningLog : ILogger<SharedWindowRateLimiter>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
