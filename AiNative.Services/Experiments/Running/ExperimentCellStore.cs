using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Running;

/// <summary>
/// The cells as runners use them, across teams. A claim is one UPDATE that moves pending cells to running under a
/// lease and a claim id; every later change of a held cell is an UPDATE conditional on that claim, so a runner that
/// lost its cells (its lease ran out and another runner took them) changes nothing, and no cell's result is kept twice.
/// An experiment's counters change in the same transaction as its cells. Writes pass the process's <see cref="WriteGate"/>.
/// </summary>
internal sealed class ExperimentCellStore(IDbContextFactory<PortalDbContext> dbFactory, WriteGate gate)
{
    /// <summary>The providers of running experiments: where claims may find cells.</summary>
    public async Task<IReadOnlyList<Guid>> ProvidersWithWorkAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentVariants.IgnoreQueryFilters()
            .Where(v => db.Experiments.Any(e => e.Id == v.ExperimentId && e.Status == ExperimentStatus.Running))
            .Select(v => v.ProviderId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> due cells of <paramref name="providerId"/>'s running experiments, in the
    /// dataset's order, in one UPDATE; a cell that waits for its baseline is due once the baseline's cell ended.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedCell>> ClaimAsync(
        string owner, Guid providerId, int count, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimId = Guid.CreateVersion7();
        var expires = now + lease;
        var candidates = Due(db, now).Where(c => c.ProviderId == providerId)
            .OrderBy(c => c.ItemPosition).ThenBy(c => c.VariantPosition)
            .Select(c => c.Id).Take(count);

        // The state is checked again in the UPDATE itself: of two runners that read the same candidates, one moves each cell.
        var claimed = await db.ExperimentCells.IgnoreQueryFilters()
            .Where(c => candidates.Contains(c.Id) && c.Status == CellStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CellStatus.Running)
                .SetProperty(c => c.LeaseOwner, owner)
                .SetProperty(c => c.LeaseExpiresAt, expires)
                .SetProperty(c => c.ClaimId, claimId)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1)
                .SetProperty(c => c.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return [];
        }

        return await db.ExperimentCells.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ClaimId == claimId)
            .Join(db.Experiments.IgnoreQueryFilters(), c => c.ExperimentId, e => e.Id, (c, e) => new { Cell = c, e.StartedById, e.StartedBy })
            .Join(db.Teams, x => x.Cell.TeamId, t => t.Id, (x, t) => new ClaimedCell(
                x.Cell.Id, claimId, x.Cell.TeamId, t.Name, x.Cell.ExperimentId, x.Cell.VariantId, x.Cell.ProviderId, x.Cell.ItemId,
                x.Cell.IsBaseline, x.Cell.Attempts, x.Cell.RateLimitRetries, x.StartedById, x.StartedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Gives cells whose runner stopped renewing (a killed process) back to the queue; answers how many.</summary>
    public async Task<int> ReclaimExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentCells.IgnoreQueryFilters()
            .Where(c => c.Status == CellStatus.Running && c.LeaseExpiresAt < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CellStatus.Pending)
                .SetProperty(c => c.LeaseOwner, (string?)null)
                .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(c => c.ClaimId, (Guid?)null)
                .SetProperty(c => c.AvailableAt, now), cancellationToken);
    }

    /// <summary>Extends the lease of the cells this runner has in flight, in one UPDATE.</summary>
    public async Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> cellIds, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentCells.IgnoreQueryFilters()
            .Where(c => cellIds.Contains(c.Id) && c.LeaseOwner == owner && c.Status == CellStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseExpiresAt, expires), cancellationToken);
    }

    /// <summary>
    /// Keeps finished cells' results, their counters and their scores in one transaction, then, for each of their
    /// experiments, stops it when its cost reached the cap and completes it when no cell waits or runs. Answers the
    /// cells whose claims held (a lost claim keeps nothing) and the progress of each experiment after the commit.
    /// </summary>
    public async Task<FinishedBatch> FinishAsync(IReadOnlyList<FinishedCell> cells, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var kept = new List<FinishedCell>();
        foreach (var cell in cells)
        {
            if (await KeepAsync(db, cell, now, cancellationToken))
            {
                kept.Add(cell);
            }
        }

        // Experiments in one order, so two replicas' batches lock their rows alike (PostgreSQL).
        var progress = new List<ExperimentProgress>();
        foreach (var experiment in kept.GroupBy(c => c.Cell.ExperimentId).OrderBy(g => g.Key))
        {
            var results = experiment.Select(c => c.Outcome.Result).ToList();
            var succeeded = experiment.Count(c => c.Outcome.Status == CellStatus.Succeeded);
            var failed = experiment.Count(c => c.Outcome.Status == CellStatus.Failed);
            var cost = results.Sum(r => r.Cost);
            var inputTokens = results.Sum(r => r.InputTokens);
            var outputTokens = results.Sum(r => r.OutputTokens);
            await Counters(db, experiment.Key).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.SucceededCount, e => e.SucceededCount + succeeded)
                .SetProperty(e => e.FailedCount, e => e.FailedCount + failed)
                .SetProperty(e => e.Cost, e => e.Cost + cost)
                .SetProperty(e => e.InputTokens, e => e.InputTokens + inputTokens)
                .SetProperty(e => e.OutputTokens, e => e.OutputTokens + outputTokens), cancellationToken);
            await StopForCapAsync(db, experiment.Key, now, cancellationToken);
            await CompleteIfDoneAsync(db, experiment.Key, now, cancellationToken);
            progress.Add(ExperimentProgress.Of(await db.Experiments.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == experiment.Key, cancellationToken)));
        }

        db.Scores.AddRange(kept.SelectMany(c => c.Outcome.Scores));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FinishedBatch(kept.Select(c => c.Cell.Id).ToHashSet(), progress);
    }

    /// <summary>
    /// Puts a held cell back in the queue from <paramref name="availableAt"/>: after a rate limit (counted), or when this
    /// process stops (the interrupted claim is not counted as an attempt), or after an unexpected failure (counted).
    /// </summary>
    public async Task<bool> ReleaseAsync(
        ClaimedCell cell, DateTimeOffset availableAt, bool rateLimited, decimal cost, CancellationToken cancellationToken, bool countAttempt = false)
    {
        var uncounted = countAttempt ? 0 : 1;
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retries = rateLimited ? 1 : 0;
        var updated = await Held(db, cell).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CellStatus.Pending)
            .SetProperty(c => c.LeaseOwner, (string?)null)
            .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(c => c.ClaimId, (Guid?)null)
            .SetProperty(c => c.AvailableAt, availableAt)
            .SetProperty(c => c.Attempts, c => c.Attempts - uncounted)
            .SetProperty(c => c.RateLimitRetries, c => c.RateLimitRetries + retries)
            .SetProperty(c => c.Cost, c => c.Cost + cost), cancellationToken);
        if (updated == 1 && cost != 0)
        {
            await Counters(db, cell.ExperimentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Cost, e => e.Cost + cost), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    /// <summary>Records a held cell as cancelled while it ran (its experiment was cancelled).</summary>
    public async Task<bool> CancelAsync(ClaimedCell cell, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await Held(db, cell).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CellStatus.Cancelled)
            .SetProperty(c => c.Error, reason)
            .SetProperty(c => c.LeaseOwner, (string?)null)
            .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(c => c.FinishedAt, now), cancellationToken);
        if (updated == 1)
        {
            await Counters(db, cell.ExperimentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CancelledCount, e => e.CancelledCount + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    public async Task<ExperimentProgress?> ProgressAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
        return experiment is null ? null : ExperimentProgress.Of(experiment);
    }

    /// <summary>Keeps a held cell's result; false when the claim was lost.</summary>
    private static async Task<bool> KeepAsync(PortalDbContext db, FinishedCell cell, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (outcome, result) = (cell.Outcome, cell.Outcome.Result);
        return await Held(db, cell.Cell).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, outcome.Status)
            .SetProperty(c => c.Output, result.Output)
            .SetProperty(c => c.Error, Shorten(result.Error))
            .SetProperty(c => c.TraceId, result.TraceId)
            .SetProperty(c => c.LatencyMs, result.LatencyMs)
            .SetProperty(c => c.InputTokens, result.InputTokens)
            .SetProperty(c => c.OutputTokens, result.OutputTokens)
            .SetProperty(c => c.Cost, c => c.Cost + result.Cost)
            .SetProperty(c => c.Evaluations, result.Evaluations)
            .SetProperty(c => c.LeaseOwner, (string?)null)
            .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(c => c.FinishedAt, now), cancellationToken) == 1;
    }

    /// <summary>Stops a running experiment whose cost reached its cap: its pending cells are skipped, and it says why.</summary>
    private static async Task StopForCapAsync(PortalDbContext db, Guid experimentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Running && e.CostCap != null && e.Cost >= e.CostCap)
            .Select(e => new { e.Cost, e.CostCap }).SingleOrDefaultAsync(cancellationToken);
        if (experiment is null)
        {
            return;
        }

        var reason = ExperimentTexts.CapReached(experiment.CostCap!.Value, experiment.Cost);
        var stopped = await db.Experiments.IgnoreQueryFilters().Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExperimentStatus.StoppedByCap)
                .SetProperty(e => e.StopReason, reason)
                .SetProperty(e => e.FinishedAt, now), cancellationToken);
        if (stopped == 0)
        {
            return;
        }

        var skipped = await db.ExperimentCells.IgnoreQueryFilters()
            .Where(c => c.ExperimentId == experimentId && c.Status == CellStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CellStatus.SkippedByCap)
                .SetProperty(c => c.Error, ExperimentTexts.SkippedByCap)
                .SetProperty(c => c.FinishedAt, now), cancellationToken);
        await Counters(db, experimentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SkippedCount, e => e.SkippedCount + skipped), cancellationToken);
    }

    /// <summary>Completes a running experiment none of whose cells waits or runs any more.</summary>
    private static async Task CompleteIfDoneAsync(PortalDbContext db, Guid experimentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ExperimentCells.IgnoreQueryFilters()
                .AnyAsync(c => c.ExperimentId == experimentId && (c.Status == CellStatus.Pending || c.Status == CellStatus.Running), cancellationToken))
        {
            return;
        }

        await db.Experiments.IgnoreQueryFilters()
            .Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExperimentStatus.Completed).SetProperty(e => e.FinishedAt, now), cancellationToken);
    }

    /// <summary>
    /// Pending cells that may run now: their experiment runs and has not reached its cost cap (the cell that reaches it
    /// stops the run), their wait is over, and their baseline's cell (if they wait for it) ended.
    /// </summary>
    private static IQueryable<ExperimentCell> Due(PortalDbContext db, DateTimeOffset now) =>
        db.ExperimentCells.IgnoreQueryFilters().Where(c =>
            c.Status == CellStatus.Pending
            && c.AvailableAt <= now
            && db.Experiments.Any(e => e.Id == c.ExperimentId && e.Status == ExperimentStatus.Running && (e.CostCap == null || e.Cost < e.CostCap))
            && (!c.WaitsForBaseline || !db.ExperimentCells.Any(b =>
                b.ExperimentId == c.ExperimentId && b.ItemId == c.ItemId && b.IsBaseline
                && (b.Status == CellStatus.Pending || b.Status == CellStatus.Running))));

    private static IQueryable<ExperimentCell> Held(PortalDbContext db, ClaimedCell cell) =>
        db.ExperimentCells.IgnoreQueryFilters().Where(c => c.Id == cell.Id && c.ClaimId == cell.ClaimId && c.Status == CellStatus.Running);

    private static IQueryable<Experiment> Counters(PortalDbContext db, Guid experimentId) =>
        db.Experiments.IgnoreQueryFilters().Where(e => e.Id == experimentId);

    private static string? Shorten(string? text) =>
        text is null || text.Length <= ExperimentRules.ErrorMaxLength ? text : $"{text[..(ExperimentRules.ErrorMaxLength - 1)]}…";
}
