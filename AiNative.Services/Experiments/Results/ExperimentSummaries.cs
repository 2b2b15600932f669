using AiNative.Services.Data;
using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// The summary per variant, added up by the database (<see cref="ScoreAggregates"/>, counts and sums by status, a
/// narrow read of the latencies) and worked out with the evaluation feature's own statistics (<see cref="Bootstrap"/>,
/// <see cref="NormalInterval"/>, <see cref="PassRate"/>, <see cref="WinTieLoss"/>, <see cref="Percentiles"/>), so every
/// page and export shows the same figures; comparisons work them out from cells read once (<see cref="Summarize"/>).
/// </summary>
public sealed class ExperimentSummaries(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, ExperimentStateCache<ExperimentSummary> kept)
{
    /// <summary>Values resampled per bootstrap at most: 10,000 resamples for up to 500 values, fewer (never under 1,000) beyond.</summary>
    private const long ResampledValues = 5_000_000;

    /// <summary>From this many values a mean's interval is the normal one: the bootstrap would cost seconds and agree with it.</summary>
    private const int NormalFrom = 5_000;

    public async Task<ExperimentSummary> GetAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        Experiment experiment;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
                ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);
        }

        return await kept.GetOrAddAsync(experiment, () => SummarizeAsync(dbFactory, experiment), cancellationToken);
    }

    /// <summary>Shared by every caller waiting for it (see <see cref="ExperimentStateCache{T}"/>): its own context, never cancelled.</summary>
    private static async Task<ExperimentSummary> SummarizeAsync(IDbContextFactory<PortalDbContext> dbFactory, Experiment experiment)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cells = db.ExperimentCells.Where(c => c.ExperimentId == experiment.Id);
        var tallies = (await cells.GroupBy(c => new { c.VariantId, c.Status })
            .Select(g => new CellTally(g.Key.VariantId, g.Key.Status, g.Count(), g.Sum(c => c.InputTokens), g.Sum(c => c.OutputTokens), g.Sum(c => c.Cost)))
            .ToListAsync(cancellationToken)).ToLookup(t => t.VariantId);
        var latencies = (await cells.Where(c => c.Status == CellStatus.Succeeded && c.LatencyMs != null)
            .Select(c => new { c.VariantId, c.LatencyMs }).ToListAsync(cancellationToken)).ToLookup(c => c.VariantId, c => c.LatencyMs!.Value);
        var totals = await ScoreAggregates.TotalsAsync(db, experiment.Id, cancellationToken);
        var baseline = experiment.Variants.FirstOrDefault(v => v.IsBaseline);
        var versus = baseline is null ? [] : await ScoreAggregates.VersusAsync(db, experiment.Id, baseline.Id, cancellationToken);
        var evaluators = experiment.Evaluators.Select(e => e.Name).ToList();
        var buckets = BucketsOf(latencies.SelectMany(l => l).ToList());
        var variants = new List<VariantSummary>();
        foreach (var variant in experiment.Variants.OrderBy(v => v.Position))
        {
            var scores = new List<ScoreSummary>();
            foreach (var evaluator in evaluators)
            {
                var total = totals.FirstOrDefault(t => t.VariantId == variant.Id && t.Evaluator == evaluator);
                var pairs = versus.FirstOrDefault(p => p.VariantId == variant.Id && p.Evaluator == evaluator);
                var mean = total is null ? null
                    : total.Values >= NormalFrom ? NormalInterval.FromSums((int)total.Values, total.Sum, total.SumOfSquares)
                    : MeanOf(await ScoreAggregates.ValuesAsync(db, experiment.Id, variant.Id, evaluator, cancellationToken));
                scores.Add(new ScoreSummary(
                    evaluator, mean, PassRate.Of((int)(total?.Passed ?? 0), (int)(total?.Judged ?? 0)), (int)(total?.Errors ?? 0),
                    variant.IsBaseline || baseline is null || pairs is null ? null
                        : new WinTieLoss((int)pairs.Wins, (int)pairs.Ties, (int)pairs.Losses, SignTest.TwoSidedP((int)pairs.Wins, (int)pairs.Losses))));
            }

            variants.Add(VariantOf(variant, [.. tallies[variant.Id]], [.. latencies[variant.Id]], scores, buckets));
        }

        return new ExperimentSummary(experiment.Id, evaluators, variants, buckets);
    }

    /// <summary>The narrow projection of an experiment's cells that every figure is worked out from.</summary>
    internal static Task<List<CellFigures>> ReadFiguresAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId)
            .Select(c => new CellFigures(c.VariantId, c.ItemId, c.Status, c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.Evaluations))
            .ToListAsync(cancellationToken);

    /// <summary>Latency buckets every variant shares, so their histograms line up; none before a cell has succeeded.</summary>
    internal static LatencyBuckets? BucketsOf(IEnumerable<CellFigures> cells) => BucketsOf(SucceededLatencies(cells).ToList());

    private static LatencyBuckets? BucketsOf(List<double> latencies) =>
        latencies.Count == 0 ? null : LatencyBuckets.Covering(latencies.Min(), latencies.Max());

    private static IEnumerable<double> SucceededLatencies(IEnumerable<CellFigures> cells) =>
        cells.Where(c => c.Status == CellStatus.Succeeded && c.LatencyMs is not null).Select(c => c.LatencyMs!.Value);

    internal static VariantSummary Summarize(
        ExperimentVariant variant, List<CellFigures> cells, List<string> evaluators, Dictionary<string, Dictionary<Guid, double>>? baseline, LatencyBuckets? buckets)
    {
        var tallies = cells.GroupBy(c => c.Status)
            .Select(g => new CellTally(variant.Id, g.Key, g.Count(), g.Sum(c => c.InputTokens), g.Sum(c => c.OutputTokens), g.Sum(c => c.Cost)))
            .ToList();
        var scores = evaluators.Select(name => Score(name, cells, baseline?.GetValueOrDefault(name))).ToList();
        return VariantOf(variant, tallies, [.. SucceededLatencies(cells)], scores, buckets);
    }

    private static VariantSummary VariantOf(ExperimentVariant variant, List<CellTally> tallies, double[] latencies, List<ScoreSummary> scores, LatencyBuckets? buckets)
    {
        int Count(params CellStatus[] statuses) => tallies.Where(t => statuses.Contains(t.Status)).Sum(t => t.Cells);
        return new VariantSummary(
            variant.Id, variant.Name, variant.IsBaseline, tallies.Sum(t => t.Cells),
            Count(CellStatus.Succeeded), Count(CellStatus.Failed), Count(CellStatus.SkippedByCap), Count(CellStatus.Cancelled),
            Count(CellStatus.Pending, CellStatus.Running),
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            tallies.Sum(t => t.InputTokens), tallies.Sum(t => t.OutputTokens), tallies.Sum(t => t.Cost),
            scores,
            buckets?.Tally(latencies) ?? []);
    }

    private static ScoreSummary Score(string evaluator, List<CellFigures> cells, Dictionary<Guid, double>? baseline)
    {
        var results = cells.Select(c => (c.ItemId, Result: c.Evaluations.FirstOrDefault(e => e.Evaluator == evaluator))).Where(r => r.Result is not null).ToList();
        var values = results.Where(r => r.Result!.Value is not null).Select(r => r.Result!.Value!.Value).ToList();
        var passes = results.Where(r => r.Result!.Passed is not null).ToList();
        var errors = results.Count(r => r.Result!.IsError);
        var mean = MeanOf(values);
        var passRate = PassRate.Of(passes.Count(r => r.Result!.Passed == true), passes.Count);
        WinTieLoss? versus = null;
        if (baseline is not null)
        {
            var pairs = results.Where(r => r.Result!.Value is not null && baseline.ContainsKey(r.ItemId))
                .Select(r => (r.Result!.Value!.Value, baseline[r.ItemId])).ToList();
            versus = pairs.Count == 0 ? null : WinTieLoss.Of(pairs);
        }

        return new ScoreSummary(evaluator, mean, passRate, errors, versus);
    }

    internal static Dictionary<Guid, double> Values(IEnumerable<CellFigures> cells, string evaluator)
    {
        var values = new Dictionary<Guid, double>();
        foreach (var cell in cells)
        {
            if (cell.Evaluations.FirstOrDefault(e => e.Evaluator == evaluator) is { Value: { } value })
            {
                values[cell.ItemId] = value;
            }
        }

        return values;
    }

    /// <summary>A mean with its 95% interval: bootstrapped, or normal for large samples (see <see cref="NormalFrom"/>).</summary>
    internal static MeanInterval? MeanOf(IReadOnlyList<double> values) => values.Count >= NormalFrom
        ? NormalInterval.Mean(values)
        : Bootstrap.Mean(values, resamples: values.Count == 0 ? 1 : (int)Math.Clamp(ResampledValues / values.Count, 1_000, Bootstrap.DefaultResamples));

    private sealed record CellTally(Guid VariantId, CellStatus Status, int Cells, long InputTokens, long OutputTokens, decimal Cost);

    internal sealed record CellFigures(
        Guid VariantId, Guid ItemId, CellStatus Status, double? LatencyMs, long InputTokens, long OutputTokens, decimal Cost, List<CellEvaluation> Evaluations);
}
