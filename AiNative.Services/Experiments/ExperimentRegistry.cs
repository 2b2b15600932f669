using System.Globalization;
using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments;

/// <summary>
/// The team's experiments: viewers read them; editors estimate, create, start, cancel them and run their failed cells
/// again. Starting writes one pending cell per item and variant; the runners (<see cref="Running.ExperimentRunner"/>) do the rest.
/// </summary>
public sealed class ExperimentRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    ExperimentPlanner planner,
    ExperimentEstimator estimator,
    DatasetItems items,
    ExperimentEvents events,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "Experiment";

    /// <summary>Cells written per statement batch when an experiment starts.</summary>
    private const int CellBatch = 2_000;

    public async Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking().Include(e => e.Variants.OrderBy(v => v.Position))
            .OrderByDescending(e => e.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<Experiment> GetAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking().Include(e => e.Variants.OrderBy(v => v.Position))
            .SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, experimentId);
    }

    /// <summary>What running <paramref name="input"/> would take, checked as creating it would be; nothing is saved.</summary>
    public async Task<ExperimentEstimate> EstimateAsync(ExperimentInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var plan = await planner.PlanAsync(input, cancellationToken);
        return await estimator.EstimateAsync(plan, cancellationToken);
    }

    /// <summary>Saves the experiment as a draft with its estimate; <see cref="StartAsync"/> runs it.</summary>
    public async Task<Experiment> CreateAsync(ExperimentInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var plan = await planner.PlanAsync(input, cancellationToken);
        var estimate = await estimator.EstimateAsync(plan, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Experiments.EnsureNameFreeAsync(plan.Name, null, () => NameTaken(plan.Name), cancellationToken);
        var experiment = new Experiment
        {
            Name = plan.Name,
            Description = plan.Description,
            DatasetId = plan.DatasetId,
            DatasetName = plan.DatasetName,
            DatasetVersion = plan.DatasetVersion,
            ItemCount = plan.ItemCount,
            Evaluators = [.. plan.Evaluators],
            CostCap = plan.CostCap,
            EstimatedCalls = estimate.Calls,
            EstimatedCost = estimate.EstimatedCost,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = team.Actor.Name,
        };
        experiment.Variants.AddRange(plan.Variants.Select(v => v.Variant));
        db.Experiments.Add(experiment);
        audit.Record(db, AuditAction.Created, AuditKind, experiment.Id, experiment.Name, Describe(experiment));
        await db.SaveUniqueAsync(e => NameTaken(plan.Name, e), cancellationToken);
        return experiment;
    }

    /// <summary>
    /// Starts a draft: writes a pending cell for every item of the pinned version and every variant, in one transaction,
    /// and wakes the runners. A cell of a variant that a pairwise judge compares with the baseline waits for the baseline's cell.
    /// </summary>
    public async Task<Experiment> StartAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, experimentId);
        var now = clock.GetUtcNow();
        var actor = team.Actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional, so two clicks on Start write the cells once.
        var started = await db.Experiments.Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Draft)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExperimentStatus.Running)
                .SetProperty(e => e.StartedById, actor.UserId)
                .SetProperty(e => e.StartedBy, actor.Name)
                .SetProperty(e => e.RunStartedAt, now)
                .SetProperty(e => e.DoneAtRunStart, 0), cancellationToken);
        if (started == 0)
        {
            throw new ConflictException($"'{experiment.Name}' has started already; run its failed cells again, or create a new experiment.");
        }

        var count = await WriteCellsAsync(db, experiment, now, cancellationToken);
        if (count == 0)
        {
            throw new ConflictException(
                $"Version {experiment.DatasetVersion} of '{experiment.DatasetName}' has no items any more (the dataset was deleted?), so there is nothing to run.");
        }

        await db.Experiments.Where(e => e.Id == experimentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CellCount, count), cancellationToken);
        audit.Record(db, AuditAction.Updated, AuditKind, experiment.Id, experiment.Name, $"started: {count:N0} cells");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.RaiseQueued();
        return await ReportAsync(experimentId, cancellationToken);
    }

    /// <summary>One pending cell per item and variant, written in batches; answers how many.</summary>
    private async Task<int> WriteCellsAsync(PortalDbContext db, Experiment experiment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pairwise = experiment.Evaluators.Any(e => e.Kind == EvaluatorKind.PairwiseJudge);
        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        var count = 0;
        var batch = new List<ExperimentCell>(CellBatch);
        await foreach (var item in items.ReadAllAsync(experiment.DatasetId, experiment.DatasetVersion, cancellationToken))
        {
            batch.AddRange(variants.Select(v => new ExperimentCell
            {
                ExperimentId = experiment.Id,
                VariantId = v.Id,
                VariantPosition = v.Position,
                IsBaseline = v.IsBaseline,
                WaitsForBaseline = pairwise && !v.IsBaseline,
                ProviderId = v.ProviderId,
                ItemId = item.ItemId,
                ItemPosition = item.Position,
                AvailableAt = now,
            }));
            if (batch.Count >= CellBatch)
            {
                count += await SaveCellsAsync(db, batch, cancellationToken);
            }
        }

        return count + await SaveCellsAsync(db, batch, cancellationToken);
    }

    /// <summary>Cancels a running experiment: cells not run yet are cancelled at once, cells in flight are stopped by their runners.</summary>
    public async Task<Experiment> CancelAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var experiment = await FindAsync(db, experimentId, cancellationToken);
        var reason = ExperimentTexts.Cancelled(team.Actor.Name);
        var now = clock.GetUtcNow();
        var cancelled = await db.Experiments.Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExperimentStatus.Cancelled).SetProperty(e => e.StopReason, reason).SetProperty(e => e.FinishedAt, now),
                cancellationToken);
        if (cancelled == 0)
        {
            throw new ConflictException($"'{experiment.Name}' is not running, so there is nothing to cancel.");
        }

        var cells = await db.ExperimentCells.Where(c => c.ExperimentId == experimentId && c.Status == CellStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CellStatus.Cancelled).SetProperty(c => c.Error, ExperimentTexts.CancelledBeforeRun)
                .SetProperty(c => c.FinishedAt, now), cancellationToken);
        await db.Experiments.Where(e => e.Id == experimentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CancelledCount, e => e.CancelledCount + cells), cancellationToken);
        audit.Record(db, AuditAction.Updated, AuditKind, experiment.Id, experiment.Name, $"cancelled: {cells:N0} cells not run");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.RaiseCancelled(experimentId);
        return await ReportAsync(experimentId, cancellationToken);
    }

    /// <summary>Queues the failed cells again (their earlier cost stays counted) and runs the experiment until they end.</summary>
    public async Task<Experiment> RerunFailedAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var experiment = await FindAsync(db, experimentId, cancellationToken);
        if (experiment.CostCap is { } cap && experiment.Cost >= cap)
        {
            throw new ConflictException(ExperimentTexts.CapSpent(experiment.Name, cap, experiment.Cost));
        }

        var now = clock.GetUtcNow();
        var cells = await db.ExperimentCells.Where(c => c.ExperimentId == experimentId && c.Status == CellStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CellStatus.Pending)
                .SetProperty(c => c.Error, (string?)null)
                .SetProperty(c => c.Output, (string?)null)
                .SetProperty(c => c.TraceId, (Guid?)null)
                .SetProperty(c => c.Evaluations, new List<CellEvaluation>())
                .SetProperty(c => c.Attempts, 0)
                .SetProperty(c => c.RateLimitRetries, 0)
                .SetProperty(c => c.AvailableAt, now)
                .SetProperty(c => c.FinishedAt, (DateTimeOffset?)null), cancellationToken);
        if (cells == 0)
        {
            throw new ConflictException($"'{experiment.Name}' has no failed cells to run again.");
        }

        await db.Experiments.Where(e => e.Id == experimentId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.FailedCount, e => e.FailedCount - cells)
            .SetProperty(e => e.Status, ExperimentStatus.Running)
            .SetProperty(e => e.StopReason, (string?)null)
            .SetProperty(e => e.FinishedAt, (DateTimeOffset?)null)
            .SetProperty(e => e.RunStartedAt, now)
            .SetProperty(e => e.DoneAtRunStart, e => e.SucceededCount + e.FailedCount - cells + e.SkippedCount + e.CancelledCount), cancellationToken);
        audit.Record(db, AuditAction.Updated, AuditKind, experiment.Id, experiment.Name, $"re-running {cells:N0} failed cells");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.RaiseQueued();
        return await ReportAsync(experimentId, cancellationToken);
    }

    private async Task<Experiment> ReportAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var experiment = await GetAsync(experimentId, cancellationToken);
        events.RaiseProgress(ExperimentProgress.Of(experiment));
        return experiment;
    }

    private static async Task<int> SaveCellsAsync(PortalDbContext db, List<ExperimentCell> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        db.ExperimentCells.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var saved = batch.Count;
        batch.Clear();
        return saved;
    }

    private static async Task<Experiment> FindAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
        ?? throw new NotFoundException(AuditKind, experimentId);

    private static string Describe(Experiment e) => string.Create(CultureInfo.InvariantCulture,
        $"dataset '{e.DatasetName}' v{e.DatasetVersion}; variants {string.Join(", ", e.Variants.Select(v => $"'{v.Name}'{(v.IsBaseline ? " (baseline)" : string.Empty)}"))}; "
        + $"evaluators {(e.Evaluators.Count == 0 ? "none" : string.Join(", ", e.Evaluators.Select(v => $"'{v.Name}' v{v.Version}")))}; "
        + $"cost cap {(e.CostCap is { } cap ? $"${cap}" : "none")}");

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"The team already has an experiment named '{name}'. Choose another name.", inner);
}
