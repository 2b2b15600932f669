using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Traces.Retention;

/// <summary>
/// Removes the content (inputs, messages, outputs) of traces older than their team's retention. The
/// rows stay with their tokens, cost, times and scores, so usage reports and budgets keep their history.
/// Every replica may run it at once: each statement only clears what is still there.
/// </summary>
public sealed partial class TraceContentRetention(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<TraceContentRetention> logger)
{
    /// <summary>Clears expired content of every team that has a retention; returns how many traces lost theirs.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.TraceContentRetentionDays != null)
            .Select(t => new { t.Id, Days = t.TraceContentRetentionDays!.Value }).ToListAsync(cancellationToken);
        var cleared = 0;
        foreach (var team in teams)
        {
            var cutoff = clock.GetUtcNow().AddDays(-team.Days);

            // No team is entered here: each statement names its team itself.
            var traces = await db.Traces.IgnoreQueryFilters([PortalDbContext.TeamFilter])
                .Where(t => t.TeamId == team.Id && t.StartedAt < cutoff && t.Status != TraceStatus.Running && (t.Input != null || t.Output != null))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Input, (string?)null).SetProperty(t => t.Output, (string?)null)
                    .SetProperty(t => t.Privacy, TracePrivacy.None), cancellationToken);
            await db.Observations.IgnoreQueryFilters([PortalDbContext.TeamFilter])
                .Where(o => o.TeamId == team.Id && o.StartedAt < cutoff && (o.Input != null || o.Output != null))
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Input, (string?)null).SetProperty(o => o.Output, (string?)null), cancellationToken);
            if (traces > 0)
            {
                LogCleared(traces, team.Id, team.Days);
            }

            cleared += traces;
        }

        return cleared;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the content of {Count} traces of team {TeamId} older than its {Days} days of retention")]
    private partial void LogCleared(int count, Guid teamId, int days);
}
