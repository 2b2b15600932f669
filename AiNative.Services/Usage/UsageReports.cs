using System.Globalization;
using AiNative.Services.Data;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Queries;
using AiNative.Services.Traces.Recording;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Usage;

/// <summary>
/// Usage and cost of the team's finished work of every source (gateway, playground, knowledge, experiments),
/// added up from its traces by day and by model, caller, route, prompt or source. Trace rows are kept
/// whatever the content retention, so reports and budgets never lose history.
/// </summary>
public sealed class UsageReports(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TraceWriter writer, TimeProvider clock)
{
    public async Task<UsageReport> GetAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(query.From <= query.To, "From", "The first day must not be after the last.")
            .Require(query.To.DayNumber - query.From.DayNumber < UsageQuery.MaxDays, "To", $"A report covers at most {UsageQuery.MaxDays} days.")
            .Require(Enum.IsDefined(query.GroupBy), "GroupBy", $"Group by one of: {string.Join(", ", Enum.GetNames<UsageDimension>())}.")
            .ThrowIfInvalid();
        await writer.CatchUpAsync(TraceQueries.CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var priced = await PricedModelsAsync(db, cancellationToken);

        var total = new UsageTally();
        var groups = new Dictionary<string, UsageTally>(StringComparer.Ordinal);
        var days = new Dictionary<(DateOnly, string), UsageTally>();
        await foreach (var record in ReadAsync(db, query, priced, cancellationToken))
        {
            total.Add(record);
            TallyOf(groups, record.Group).Add(record);
            TallyOf(days, (record.Day, record.Group)).Add(record);
        }

        var ordered = groups.Select(g => new UsageGroup(g.Key, g.Value.Figures()))
            .OrderByDescending(g => g.Figures.Cost).ThenByDescending(g => g.Figures.Requests).ThenBy(g => g.Label, StringComparer.Ordinal)
            .ToList();
        var rank = ordered.Select((g, i) => (g.Label, i)).ToDictionary(g => g.Label, g => g.i, StringComparer.Ordinal);
        var dayRows = days.Select(d => new UsageDay(d.Key.Item1, d.Key.Item2, d.Value.Figures()))
            .OrderBy(d => d.Day).ThenBy(d => rank[d.Group])
            .ToList();
        return new UsageReport(query, total.Figures(), ordered, dayRows);
    }

    /// <summary>Every key with a monthly budget (not revoked): its spending this month (UTC) day by day, and where it is heading.</summary>
    public async Task<IReadOnlyList<BudgetBurnDown>> GetBurnDownsAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await writer.CatchUpAsync(TraceQueries.CatchUpLimit, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        var monthStart = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.GatewayKeys.AsNoTracking().Where(k => k.MonthlyBudget != null && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.MonthlyBudget }).ToListAsync(cancellationToken);
        var ids = keys.Select(k => (Guid?)k.Id).ToList();
        var costs = await db.Traces.AsNoTracking()
            .Where(t => t.Source == TraceSource.Gateway && t.StartedAt >= monthStart && ids.Contains(t.ActorId))
            .Select(t => new { t.ActorId, t.StartedAt, t.Cost })
            .ToListAsync(cancellationToken);
        var byKey = costs.ToLookup(c => c.ActorId!.Value, c => (Day: DateOnly.FromDateTime(c.StartedAt.UtcDateTime), c.Cost));
        return [.. keys.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => BurnDown(k.Id, k.Name, k.MonthlyBudget!.Value, month, today, byKey[k.Id]))];
    }

    private static BudgetBurnDown BurnDown(Guid keyId, string name, decimal budget, DateOnly month, DateOnly today, IEnumerable<(DateOnly Day, decimal Cost)> costs)
    {
        var perDay = costs.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Sum(c => c.Cost));
        var days = new List<BudgetDay>();
        var spent = 0m;
        for (var day = month; day <= today; day = day.AddDays(1))
        {
            spent += perDay.GetValueOrDefault(day);
            days.Add(new BudgetDay(day, spent));
        }

        var daysInMonth = DateTime.DaysInMonth(month.Year, month.Month);
        var projected = Money.Round(spent * daysInMonth / days.Count);
        DateOnly? runsOut = spent >= budget
            ? days.First(d => d.SpentToDate >= budget).Day
            : projected > budget ? month.AddDays((int)Math.Ceiling(budget * days.Count / spent) - 1) : null;
        return new BudgetBurnDown(keyId, name, budget, month, days, spent, projected, runsOut);
    }

    private static async Task<HashSet<Guid>> PricedModelsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // Prices are compared here, not in SQL: SQLite keeps decimals as text.
        var models = await db.Models.AsNoTracking()
            .Select(m => new { m.Id, m.InputPricePerMillion, m.OutputPricePerMillion }).ToListAsync(cancellationToken);
        return [.. models.Where(m => m.InputPricePerMillion > 0 || m.OutputPricePerMillion > 0).Select(m => m.Id)];
    }

    private static async IAsyncEnumerable<UsageRecord> ReadAsync(
        PortalDbContext db, UsageQuery query, HashSet<Guid> priced, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var traces = db.Traces.AsNoTracking().Where(t => t.StartedAt >= from && t.StartedAt < to && t.Status != TraceStatus.Running);
        if (query.Source is { } source)
        {
            traces = traces.Where(t => t.Source == source);
        }

        var rows = traces.Select(t => new
        {
            t.StartedAt, t.Source, t.Status, t.Name, t.ActorName, t.PromptName, t.ModelId, t.ModelName,
            t.InputTokens, t.OutputTokens, t.Cost, t.LatencyMs, t.Metadata,
        });
        await foreach (var t in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var cacheHit = t.Metadata.GetValueOrDefault(GatewayMetadata.Cache) == "hit";
            var saved = t.Metadata.TryGetValue(GatewayMetadata.SavedUsd, out var text)
                && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m;
            var unpriced = !cacheHit && t.InputTokens + t.OutputTokens > 0 && t.Cost == 0 && (t.ModelId is not { } model || !priced.Contains(model));
            var group = query.GroupBy switch
            {
                UsageDimension.Model => t.ModelName ?? "No model",
                UsageDimension.Caller => t.ActorName ?? "Unknown",
                UsageDimension.Route => t.Source == TraceSource.Gateway ? t.Metadata.GetValueOrDefault(GatewayMetadata.Route) ?? t.Name : "Not through the gateway",
                UsageDimension.Prompt => t.PromptName ?? "No saved prompt",
                _ => t.Source.ToString(),
            };
            yield return new UsageRecord(DateOnly.FromDateTime(t.StartedAt.UtcDateTime), group, t.Status == TraceStatus.Failed,
                t.InputTokens, t.OutputTokens, t.Cost, unpriced, cacheHit, saved, t.LatencyMs);
        }
    }

    private static UsageTally TallyOf<TKey>(Dictionary<TKey, UsageTally> tallies, TKey key)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new UsageTally();
            tallies[key] = tally;
        }

        return tally;
    }
}
