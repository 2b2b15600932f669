using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Every row's standing against the baseline, for the filters and the order that compare evaluators' results: these
/// live in each cell's JSON, which neither database can index, so they are worked out from one narrow read of the
/// experiment's cells and kept until the experiment's counts change (a cell ends). Pages after the first are then
/// slices of the kept list.
/// </summary>
public sealed class RowStandings : IDisposable
{
    // Rows kept at most, over all experiments: ten experiments of 100,000 items.
    private readonly ExperimentStateCache<IReadOnlyList<RowStanding>> kept = new(1_000_000, standings => standings.Count);

    public Task<IReadOnlyList<RowStanding>> OfAsync(IDbContextFactory<PortalDbContext> dbFactory, Experiment experiment, CancellationToken cancellationToken) =>
        kept.GetOrAddAsync(experiment, () => StandAsync(dbFactory, experiment.Id), cancellationToken);

    private static async Task<IReadOnlyList<RowStanding>> StandAsync(IDbContextFactory<PortalDbContext> dbFactory, Guid experimentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var cells = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId)
            .Select(c => new CellResults(c.ItemId, c.ItemPosition, c.IsBaseline, c.Status, c.Evaluations))
            .ToListAsync();
        return cells.GroupBy(c => c.ItemId).Select(Stand).OrderBy(s => s.Position).ToList();
    }

    private static RowStanding Stand(IGrouping<Guid, CellResults> row)
    {
        var baseline = row.FirstOrDefault(c => c.IsBaseline);
        var regressed = false;
        double? worst = null;
        foreach (var cell in row.Where(c => !c.IsBaseline && baseline is not null))
        {
            // A failed cell has no evaluations to compare, yet losing an answer the baseline gave is the worst regression.
            regressed |= baseline!.Status == CellStatus.Succeeded && cell.Status == CellStatus.Failed;
            var changes = new List<double>();
            foreach (var result in cell.Evaluations.Where(e => !e.IsError))
            {
                var before = baseline.Evaluations.FirstOrDefault(e => e.Evaluator == result.Evaluator && !e.IsError);
                if (before is null)
                {
                    continue;
                }

                regressed |= before.Passed == true && result.Passed == false;
                if (result.Value is { } value && before.Value is { } was)
                {
                    regressed |= value < was;
                    changes.Add(value - was);
                }
            }

            if (changes.Count > 0 && (worst is null || changes.Average() < worst))
            {
                worst = changes.Average();
            }
        }

        var disagrees = row.Any(c => c.Evaluations.Any(e => e.Passed == true) && c.Evaluations.Any(e => e.Passed == false));
        return new RowStanding(row.Key, row.First().ItemPosition, regressed, disagrees, worst);
    }

    public void Dispose() => kept.Dispose();

    private sealed record CellResults(Guid ItemId, long ItemPosition, bool IsBaseline, CellStatus Status, List<CellEvaluation> Evaluations);
}
