using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Review;

/// <summary>
/// Human review of an experiment's cells: a person's score (any of the team's score definitions: a yes/no as thumbs,
/// a 1–5 rating, a set of labels) saved as a <see cref="ScoreSource.Human"/> score on the cell's trace, and the queue
/// of the succeeded cells that have no person's score of that name yet, in the dataset's and the variants' order.
/// </summary>
public sealed class ExperimentReview(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TraceScores scores)
{
    private const string CellKind = "Experiment cell";

    /// <summary>The next unreviewed cell after <paramref name="after"/> (a skipped one), else the first unreviewed.</summary>
    public async Task<ReviewQueue> NextAsync(Guid experimentId, string? scoreName, Guid? after, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);
        var name = await ScoreNameAsync(db, scoreName, cancellationToken);
        var reviewable = db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.Status == CellStatus.Succeeded && c.TraceId != null);
        var unreviewed = reviewable.Where(c => !db.Scores.Any(s => s.TraceId == c.TraceId && s.Name == name && s.Source == ScoreSource.Human));
        var total = await reviewable.CountAsync(cancellationToken);
        var left = await unreviewed.CountAsync(cancellationToken);
        var next = await NextCellAsync(db, unreviewed, experimentId, after, cancellationToken);
        return new ReviewQueue(experiment.Name, name, total - left, total, next is null ? null : await CellAsync(db, experiment, next, cancellationToken));
    }

    /// <summary>Saves a person's score of the cell on its trace; the score's definition checks the value and names what is wrong.</summary>
    public async Task<Score> ScoreAsync(Guid experimentId, Guid cellId, ScoreInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cell = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.Id == cellId)
            .Select(c => new { c.Status, c.TraceId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(CellKind, cellId);
        if (cell is not { Status: CellStatus.Succeeded, TraceId: { } traceId })
        {
            throw new ConflictException("Only a cell that answered can be reviewed; this one has no output. Run its failed cells again first.");
        }

        return await scores.AddAsync(traceId, input with { ObservationId = null }, ScoreSource.Human, cancellationToken);
    }

    private static async Task<string> ScoreNameAsync(PortalDbContext db, string? scoreName, CancellationToken cancellationToken)
    {
        new Validation().RequireText(scoreName, "Score", TraceRules.ScoreNameMaxLength).ThrowIfInvalid();
        var name = scoreName!.Trim();
        return await db.ScoreDefinitions.AsNoTracking().Where(d => d.Name == name).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationFailedException("Score",
                $"The team has no score named '{name}'. Define it first (Traces → Score definitions), or review with one defined there.");
    }

    private static async Task<ExperimentCell?> NextCellAsync(
        PortalDbContext db, IQueryable<ExperimentCell> unreviewed, Guid experimentId, Guid? after, CancellationToken cancellationToken)
    {
        var ordered = unreviewed.OrderBy(c => c.ItemPosition).ThenBy(c => c.VariantPosition);
        if (after is { } skipped
            && await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.Id == skipped)
                .Select(c => new { c.ItemPosition, c.VariantPosition }).SingleOrDefaultAsync(cancellationToken) is { } from
            && await ordered.FirstOrDefaultAsync(
                c => c.ItemPosition > from.ItemPosition || (c.ItemPosition == from.ItemPosition && c.VariantPosition > from.VariantPosition),
                cancellationToken) is { } later)
        {
            return later;
        }

        return await ordered.FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<ReviewCell> CellAsync(PortalDbContext db, Experiment experiment, ExperimentCell cell, CancellationToken cancellationToken)
    {
        var item = await DatasetVersionItems.Of(db, experiment.DatasetId, experiment.DatasetVersion, latestInOneStatement: false)
            .SingleOrDefaultAsync(i => i.ItemId == cell.ItemId, cancellationToken);
        var variant = experiment.Variants.Single(v => v.Id == cell.VariantId);
        return new ReviewCell(cell.Id, cell.TraceId!.Value, cell.ItemPosition, variant.Name, item?.Input, item?.ExpectedOutput, cell.Output);
    }
}
