using System.Runtime.CompilerServices;
using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// The side-by-side rows of an experiment, a page at a time from the database (items in the dataset's order, each
/// with its cells), and every row in keyset batches for exports.
/// </summary>
public sealed class ExperimentResults(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, RowStandings standings)
{
    private const int ReadBatchItems = 500;

    public async Task<ExperimentRowPage> ListAsync(Guid experimentId, RowFilter filter, RowOrder order, int page, int pageSize, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(page >= 1, "Page", "The page must be 1 or more.")
            .Require(pageSize is >= 1 and <= ExperimentRules.MaxPageSize, "PageSize", $"The page size must be between 1 and {ExperimentRules.MaxPageSize}.")
            .Require(Enum.IsDefined(filter), "Filter", "Show all rows, the failures, the regressions or the disagreements.")
            .Require(Enum.IsDefined(order), "Order", "Order the rows as the dataset does, or by change of score.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await FindAsync(db, experimentId, cancellationToken);
        if (filter is RowFilter.Regressions or RowFilter.Disagreements || order == RowOrder.ScoreChange)
        {
            return await StandingsPageAsync(db, experiment, filter, order, page, pageSize, cancellationToken);
        }

        // Each item has one cell per variant: the first variant's cells are the rows.
        var rows = db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.VariantPosition == 0);
        if (filter == RowFilter.Failures)
        {
            rows = rows.Where(r => db.ExperimentCells.Any(c => c.ExperimentId == experimentId && c.ItemId == r.ItemId && c.Status == CellStatus.Failed));
        }

        var total = filter == RowFilter.All && experiment.CellCount > 0 ? experiment.CellCount / Math.Max(1, experiment.Variants.Count) : await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.ItemPosition).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.ItemId, r.ItemPosition }).ToListAsync(cancellationToken);
        return await PageAsync(db, experiment, [.. items.Select(i => (i.ItemId, i.ItemPosition))], total, page, pageSize, cancellationToken);
    }

    /// <summary>A page of the rows the comparison with the baseline leaves, in the order asked for.</summary>
    private async Task<ExperimentRowPage> StandingsPageAsync(
        PortalDbContext db, Experiment experiment, RowFilter filter, RowOrder order, int page, int pageSize, CancellationToken cancellationToken)
    {
        var all = await standings.OfAsync(dbFactory, experiment, cancellationToken);
        IEnumerable<RowStanding> rows = filter switch
        {
            RowFilter.Regressions => all.Where(s => s.Regressed),
            RowFilter.Disagreements => all.Where(s => s.Disagrees),
            RowFilter.Failures => await WithFailuresAsync(db, experiment.Id, all, cancellationToken),
            _ => all,
        };
        if (order == RowOrder.ScoreChange)
        {
            // Stable: rows of the same change stay in the dataset's order.
            rows = rows.OrderBy(s => s.ScoreChange is null).ThenBy(s => s.ScoreChange);
        }

        var chosen = rows.ToList();
        var items = chosen.Skip((page - 1) * pageSize).Take(pageSize).Select(s => (s.ItemId, s.Position)).ToList();
        return await PageAsync(db, experiment, items, chosen.Count, page, pageSize, cancellationToken);
    }

    private static async Task<IEnumerable<RowStanding>> WithFailuresAsync(PortalDbContext db, Guid experimentId, IReadOnlyList<RowStanding> all, CancellationToken cancellationToken)
    {
        var failed = (await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.Status == CellStatus.Failed)
            .Select(c => c.ItemId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return all.Where(s => failed.Contains(s.ItemId));
    }

    private static async Task<ExperimentRowPage> PageAsync(
        PortalDbContext db, Experiment experiment, List<(Guid ItemId, long Position)> items, int total, int page, int pageSize, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.ItemId).ToList();
        var cells = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experiment.Id && ids.Contains(c.ItemId)).ToListAsync(cancellationToken);
        var contents = await ContentsAsync(db, experiment, ids, cancellationToken);
        return new ExperimentRowPage([.. items.Select(i => Row(i.ItemId, i.Position, cells, contents))], total, page, pageSize);
    }

    /// <summary>Every row in the dataset's order, read in keyset batches: for exports of any size.</summary>
    public async IAsyncEnumerable<ExperimentRow> ReadAllAsync(Guid experimentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await FindAsync(db, experimentId, cancellationToken);
        var after = long.MinValue;
        while (true)
        {
            var from = after;
            var items = await db.ExperimentCells.AsNoTracking()
                .Where(c => c.ExperimentId == experimentId && c.VariantPosition == 0 && c.ItemPosition > from)
                .OrderBy(c => c.ItemPosition).Take(ReadBatchItems)
                .Select(c => new { c.ItemId, c.ItemPosition }).ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                yield break;
            }

            var ids = items.Select(i => i.ItemId).ToList();
            var cells = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && ids.Contains(c.ItemId)).ToListAsync(cancellationToken);
            var contents = await ContentsAsync(db, experiment, ids, cancellationToken);
            foreach (var item in items)
            {
                yield return Row(item.ItemId, item.ItemPosition, cells, contents);
            }

            if (items.Count < ReadBatchItems)
            {
                yield break;
            }

            after = items[^1].ItemPosition;
        }
    }

    public async Task<Experiment> FindAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, experimentId, cancellationToken);
    }

    private static async Task<Experiment> FindAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        await db.Experiments.AsNoTracking().Include(e => e.Variants.OrderBy(v => v.Position)).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
        ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);

    /// <summary>The items as the pinned version has them; an item the dataset no longer has is simply missing.</summary>
    private static async Task<Dictionary<Guid, DatasetItem>> ContentsAsync(PortalDbContext db, Experiment experiment, List<Guid> itemIds, CancellationToken cancellationToken)
    {
        var version = experiment.DatasetVersion;
        return await DatasetVersionItems.Of(db, experiment.DatasetId, version, latestInOneStatement: false)
            .Where(i => itemIds.Contains(i.ItemId))
            .ToDictionaryAsync(i => i.ItemId, cancellationToken);
    }

    private static ExperimentRow Row(Guid itemId, long position, List<ExperimentCell> cells, Dictionary<Guid, DatasetItem> contents)
    {
        var item = contents.GetValueOrDefault(itemId);
        return new ExperimentRow(itemId, position, item?.Input, item?.ExpectedOutput,
            [.. cells.Where(c => c.ItemId == itemId).OrderBy(c => c.VariantPosition)]);
    }
}
