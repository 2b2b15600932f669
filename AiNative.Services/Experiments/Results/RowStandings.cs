using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Every row's standing against the baseline, for the filters and the order that compare evaluators' results: these
/// live in each cell's JSON, which neither database can index, so they are worked out from one narrow read of the
/// experiment's cells and kept until the experiment's counts change (a cell ends). Pages after the first are then
/// slices of the kept list.
/// </summary>
public sealed class RowStandings : IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    // Rows kept at most, over all experiments: ten experiments of 100,000 items.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });

    public async Task<IReadOnlyList<RowStanding>> OfAsync(PortalDbContext db, Experiment experiment, CancellationToken cancellationToken)
    {
        var key = (nameof(RowStandings), experiment.Id, experiment.Status, experiment.SucceededCount, experiment.FailedCount, experiment.SkippedCount, experiment.CancelledCount);
        if (cache.TryGetValue(key, out IReadOnlyList<RowStanding>? kept) && kept is not null)
        {
            return kept;
        }

        var cells = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experiment.Id)
            .Select(c => new CellResults(c.ItemId, c.ItemPosition, c.IsBaseline, c.Status, c.Evaluations))
            .ToListAsync(cancellationToken);
        var standings = cells.GroupBy(c => c.ItemId).Select(Stand).OrderBy(s => s.Position).ToList();
        cache.Set(key, (IReadOnlyList<RowStanding>)standings, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor, Size = Math.Max(1, standings.Count) });
        return standings;
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

    public void Dispose() => cache.Dispose();

    private sealed record CellResults(Guid ItemId, long ItemPosition, bool IsBaseline, CellStatus Status, List<CellEvaluation> Evaluations);
}
