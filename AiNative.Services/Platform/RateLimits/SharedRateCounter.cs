using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Platform.RateLimits;

/// <summary>
/// Fixed-window counts that every replica shares, kept in the database (<see cref="RateWindow"/>). The
/// sign-in limit counts attempts per client address with it; it is made for the gateway's per-key and
/// per-team request and token limits as well. Each hit is one atomic statement, so concurrent hits from
/// any number of processes are all counted.
/// </summary>
public sealed class SharedRateCounter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromMilliseconds(1);

    /// <summary>Adds <paramref name="amount"/> (requests, tokens) to <paramref name="key"/>'s count in the current window of length <paramref name="window"/>.</summary>
    /// <remarks>
    /// Windows are aligned to the Unix epoch, so replicas agree on the current window without asking each
    /// other. A key counts in one window length: name the length in the key when the same thing is limited
    /// over two (<c>gateway/key/…/minute</c> and <c>…/day</c>).
    /// </remarks>
    public Task<RateWindowCount> AddAsync(string key, TimeSpan window, long amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, ShortestWindow);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return AddAsync(key, CurrentWindow(window), amount, cancellationToken);
    }

    /// <summary>The window of length <paramref name="length"/> that holds this moment, aligned to the Unix epoch.</summary>
    public RateWindowSpan CurrentWindow(TimeSpan length)
    {
        var milliseconds = length.Ticks / TimeSpan.TicksPerMillisecond;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - now % milliseconds;
        return new RateWindowSpan(start, start + milliseconds);
    }

    /// <summary>The UTC calendar month that holds this moment: budgets per month follow the calendar, not a fixed length.</summary>
    public RateWindowSpan CurrentMonth()
    {
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new RateWindowSpan(start.ToUnixTimeMilliseconds(), start.AddMonths(1).ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Adds <paramref name="amount"/> to <paramref name="key"/>'s count in <paramref name="window"/>; a negative
    /// amount gives back what was reserved there before (a budget's reservation, settled at the real cost).
    /// </summary>
    public async Task<RateWindowCount> AddAsync(string key, RateWindowSpan window, long amount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, RateWindow.MaxKeyLength, nameof(key));
        var (start, end) = window;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);

        // An upsert that returns the new count: atomic on SQLite (3.35 and later) and PostgreSQL alike. It
        // cannot be a subquery, so nothing is composed on it: the list is read as the statement returns it.
        var counts = await db.Database.SqlQuery<long>($"""
            INSERT INTO "RateWindows" ("Key", "WindowStartUnixMs", "Count", "ExpiresAtUnixMs") VALUES ({key}, {start}, {amount}, {end})
            ON CONFLICT ("Key", "WindowStartUnixMs") DO UPDATE SET "Count" = "RateWindows"."Count" + excluded."Count"
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        return new RateWindowCount(counts.Single(), DateTimeOffset.FromUnixTimeMilliseconds(end));
    }

    /// <summary>Deletes the windows that have ended; answers how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.RateWindows.Where(w => w.ExpiresAtUnixMs <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
