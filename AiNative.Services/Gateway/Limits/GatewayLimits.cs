using AiNative.Services.Data;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Platform.RateLimits;

namespace AiNative.Services.Gateway.Limits;

/// <summary>
/// A key's and its team's rate limits, and the key's budgets, counted in the database every replica shares (<see cref="SharedRateCounter"/>).
/// Budgets are reserve-then-settle: before the call the most it can cost is added to the day's and the month's
/// spending, and refused when that passes the budget; after the call the reservation is replaced by the real
/// cost. Each step is one atomic statement, so concurrent requests cannot all slip under the same remainder.
/// </summary>
public sealed class GatewayLimits(SharedRateCounter counter, TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// Counts the request and its prompt tokens against the key's and the team's per-minute limits; throws 429 past any.
    /// The prompt is counted (<paramref name="countPromptTokens"/>) only when a limit counts tokens: tokenizing is most of the cost otherwise.
    /// </summary>
    public async Task CountRequestAsync(GatewayCaller caller, Func<long> countPromptTokens, CancellationToken cancellationToken)
    {
        foreach (var limit in MinuteLimits(caller))
        {
            if (limit.Requests is { } requests)
            {
                var count = await counter.AddAsync($"{limit.Counter}/requests/minute", Minute, 1, cancellationToken);
                if (count.Count > requests)
                {
                    throw Limited($"Rate limit reached: {limit.Holder} allows {requests} requests per minute.", count.WindowEnd);
                }
            }

            if (limit.Tokens is { } tokens)
            {
                var promptTokens = countPromptTokens();
                var count = await counter.AddAsync($"{limit.Counter}/tokens/minute", Minute, promptTokens, cancellationToken);
                if (count.Count - promptTokens >= tokens)
                {
                    throw Limited($"Rate limit reached: {limit.Holder} allows {tokens:N0} tokens per minute.", count.WindowEnd);
                }
            }
        }
    }

    /// <summary>Adds the answer's tokens to the minute's counts, once they are known.</summary>
    public async Task CountOutputTokensAsync(GatewayCaller caller, long outputTokens, CancellationToken cancellationToken)
    {
        foreach (var limit in MinuteLimits(caller).Where(l => l.Tokens is not null && outputTokens > 0))
        {
            await counter.AddAsync($"{limit.Counter}/tokens/minute", Minute, outputTokens, cancellationToken);
        }
    }

    /// <summary>Reserves <paramref name="most"/> USD of the key's daily and monthly budgets; throws 429 when either would be passed.</summary>
    public async Task<BudgetReservation> ReserveAsync(GatewayCaller caller, decimal most, CancellationToken cancellationToken)
    {
        var budgets = new List<(string Key, RateWindowSpan Window, decimal Budget, string Period)>();
        if (caller.DailyBudget is { } daily)
        {
            budgets.Add(($"gateway/key/{caller.KeyId:N}/spend/day", counter.CurrentWindow(Day), daily, "daily"));
        }

        if (caller.MonthlyBudget is { } monthly)
        {
            budgets.Add(($"gateway/key/{caller.KeyId:N}/spend/month", counter.CurrentMonth(), monthly, "monthly"));
        }

        var units = Units(most);
        var held = new List<(string Key, RateWindowSpan Window)>();
        foreach (var (key, window, budget, period) in budgets)
        {
            var total = await counter.AddAsync(key, window, units, cancellationToken);
            held.Add((key, window));
            if (total.Count > Units(budget))
            {
                await ReleaseAsync(held, units);
                var spent = (total.Count - units) / Money.UnitsPerDollar;
                throw new GatewayException(429, "insufficient_quota", "budget_exceeded",
                    $"Budget exhausted: key '{caller.KeyName}' has a {period} budget of {budget:0.######} USD, of which {spent:0.######} USD is spent or reserved, " +
                    $"and this request may cost up to {most:0.######} USD. The budget renews at {DateTimeOffset.FromUnixTimeMilliseconds(window.EndUnixMs):u}.")
                {
                    RetryAfter = DateTimeOffset.FromUnixTimeMilliseconds(window.EndUnixMs) - clock.GetUtcNow(),
                };
            }
        }

        return held.Count == 0 ? BudgetReservation.None : new BudgetReservation(units, held);
    }

    /// <summary>Replaces the reservation by what the request really cost (0 for a request that failed before any call).</summary>
    public async Task SettleAsync(BudgetReservation reservation, decimal cost)
    {
        var difference = Units(cost) - reservation.Units;
        if (reservation.Windows.Count == 0 || difference == 0)
        {
            return;
        }

        foreach (var (key, window) in reservation.Windows)
        {
            // Settling must happen even when the client went away: the reservation would otherwise stay spent.
            await counter.AddAsync(key, window, difference, CancellationToken.None);
        }
    }

    private async Task ReleaseAsync(IEnumerable<(string Key, RateWindowSpan Window)> held, long units)
    {
        foreach (var (key, window) in held)
        {
            await counter.AddAsync(key, window, -units, CancellationToken.None);
        }
    }

    private static (string Counter, string Holder, int? Requests, int? Tokens)[] MinuteLimits(GatewayCaller caller) =>
    [
        ($"gateway/key/{caller.KeyId:N}", $"key '{caller.KeyName}'", caller.RequestsPerMinute, caller.TokensPerMinute),
        ($"gateway/team/{caller.TeamId:N}", $"team '{caller.TeamName}' (all its keys together)", caller.TeamLimits.RequestsPerMinute, caller.TeamLimits.TokensPerMinute),
    ];

    private static long Units(decimal dollars) => (long)decimal.Ceiling(dollars * Money.UnitsPerDollar);

    private GatewayException Limited(string message, DateTimeOffset windowEnd) =>
        new(429, "rate_limit_error", "rate_limit_exceeded", $"{message} Try again after {windowEnd:u}.")
        {
            RetryAfter = windowEnd - clock.GetUtcNow(),
        };
}
