using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Figures = AiNative.Services.Experiments.Results.ExperimentSummaries.CellFigures;

namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// Compares a variant of one experiment with a variant of another (or the same) on the same dataset: items are matched
/// by their id, which a dataset item keeps in every version, so the pinned versions may differ. Every figure is over
/// the items both sides ran, with the summary's own statistics (<see cref="ExperimentSummaries"/>: bootstrap means, Wilson
/// pass rates, the sign test), plus the paired bootstrap interval of the mean difference.
/// </summary>
public sealed class ExperimentComparisons(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team)
{
    public async Task<ExperimentComparison> CompareAsync(ComparisonSides sides, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var read = await ReadAsync(db, sides, cancellationToken);
        var (left, right) = (read.LeftCells, read.RightCells);
        var leftValues = read.Evaluators.ToDictionary(e => e, e => ExperimentSummaries.Values(left, e));
        var buckets = ExperimentSummaries.BucketsOf(left.Concat(right));
        var leftSummary = ExperimentSummaries.Summarize(read.Left.Variant, left, read.Evaluators, null, buckets)
            with { Name = SideName(read.Left), IsBaseline = true };
        var rightSummary = ExperimentSummaries.Summarize(read.Right.Variant, right, read.Evaluators, leftValues, buckets)
            with { Name = SideName(read.Right), IsBaseline = false };
        var differences = read.Evaluators.Select((evaluator, i) =>
        {
            var after = ExperimentSummaries.Values(right, evaluator);
            // In the items' order, so the seeded bootstrap gives the same interval however the database returned the cells.
            var changes = leftValues[evaluator].Where(v => after.ContainsKey(v.Key)).OrderBy(v => v.Key).Select(v => after[v.Key] - v.Value).ToList();
            return new PairedDifference(evaluator, Pinned(read.Left, evaluator).Version, Pinned(read.Right, evaluator).Version,
                ExperimentSummaries.MeanOf(changes), rightSummary.Scores[i].VersusBaseline);
        }).ToList();
        return new ExperimentComparison(
            read.Left, read.Right, await OverlapAsync(db, read, cancellationToken),
            new ExperimentSummary(read.Right.Experiment.Id, read.Evaluators, [leftSummary, rightSummary], buckets), differences,
            [.. EvaluatorNames(read.Left).Except(read.Evaluators)], [.. EvaluatorNames(read.Right).Except(read.Evaluators)]);
    }

    /// <summary>
    /// The items whose score changed most in <paramref name="direction"/>, a page at a time: the change is right − left on
    /// <paramref name="evaluator"/>, or without one the mean change over the evaluators both pinned; items either side
    /// could not score are left out.
    /// </summary>
    public async Task<ChangedItemPage> ListChangesAsync(
        ComparisonSides sides, string? evaluator, ChangeDirection direction, int page, int pageSize, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(page >= 1, "Page", "The page must be 1 or more.")
            .Require(pageSize is >= 1 and <= ExperimentRules.MaxPageSize, "PageSize", $"The page size must be between 1 and {ExperimentRules.MaxPageSize}.")
            .Require(Enum.IsDefined(direction), "Direction", "List the regressed or the improved items.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var read = await ReadAsync(db, sides, cancellationToken);
        if (evaluator is not null && !read.Evaluators.Contains(evaluator))
        {
            throw new ValidationFailedException("Evaluator",
                $"'{evaluator}' is not an evaluator both experiments pinned; choose one of: {string.Join(", ", read.Evaluators.DefaultIfEmpty("(none)"))}.");
        }

        var changes = Changes(read, evaluator is null ? read.Evaluators : [evaluator]);
        var chosen = (direction == ChangeDirection.Regressed
            ? changes.Where(c => c.Value < 0).OrderBy(c => c.Value)
            : changes.Where(c => c.Value > 0).OrderByDescending(c => c.Value)).ThenBy(c => c.Key).ToList();
        var pageItems = chosen.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = pageItems.Select(c => c.Key).ToList();
        var (leftId, rightId) = (read.Left.Experiment.Id, read.Right.Experiment.Id);
        var variants = new[] { read.Left.Variant.Id, read.Right.Variant.Id };
        var cells = await db.ExperimentCells.AsNoTracking()
            .Where(c => (c.ExperimentId == leftId || c.ExperimentId == rightId) && ids.Contains(c.ItemId) && variants.Contains(c.VariantId))
            .ToListAsync(cancellationToken);
        var contents = await DatasetVersionItems.Of(db, read.Right.Experiment.DatasetId, read.Right.Experiment.DatasetVersion, latestInOneStatement: false)
            .Where(i => ids.Contains(i.ItemId)).ToDictionaryAsync(i => i.ItemId, cancellationToken);
        var items = pageItems.Select(c =>
        {
            var before = cells.First(x => x.ItemId == c.Key && x.VariantId == read.Left.Variant.Id);
            var after = cells.First(x => x.ItemId == c.Key && x.VariantId == read.Right.Variant.Id);
            var content = contents.GetValueOrDefault(c.Key);
            return new ChangedItem(c.Key, after.ItemPosition, content?.Input, content?.ExpectedOutput, c.Value, before, after);
        }).ToList();
        return new ChangedItemPage(items, chosen.Count, page, pageSize);
    }

    /// <summary>Each shared item's change of score (right − left), averaged over <paramref name="evaluators"/> that both sides scored it on.</summary>
    private static List<KeyValuePair<Guid, double>> Changes(Read read, IReadOnlyList<string> evaluators)
    {
        var sums = new Dictionary<Guid, (double Sum, int Count)>();
        foreach (var evaluator in evaluators)
        {
            var before = ExperimentSummaries.Values(read.LeftCells, evaluator);
            foreach (var (item, value) in ExperimentSummaries.Values(read.RightCells, evaluator))
            {
                if (before.TryGetValue(item, out var was))
                {
                    var (sum, count) = sums.GetValueOrDefault(item);
                    sums[item] = (sum + value - was, count + 1);
                }
            }
        }

        return [.. sums.Select(s => KeyValuePair.Create(s.Key, s.Value.Sum / s.Value.Count))];
    }

    /// <summary>Both experiments, the variants compared, and the variants' cells on the items both ran.</summary>
    private async Task<Read> ReadAsync(PortalDbContext db, ComparisonSides sides, CancellationToken cancellationToken)
    {
        var leftExperiment = await FindAsync(db, sides.LeftExperimentId, cancellationToken);
        var rightExperiment = sides.RightExperimentId == sides.LeftExperimentId ? leftExperiment : await FindAsync(db, sides.RightExperimentId, cancellationToken);
        if (leftExperiment.DatasetId != rightExperiment.DatasetId)
        {
            throw new ValidationFailedException("Right",
                $"'{leftExperiment.Name}' ran on the dataset '{leftExperiment.DatasetName}' and '{rightExperiment.Name}' on '{rightExperiment.DatasetName}': "
                + "only experiments on the same dataset (any of its versions) can be compared item by item. Choose an experiment on "
                + $"'{leftExperiment.DatasetName}'.");
        }

        var evaluators = EvaluatorNames(leftExperiment).Intersect(EvaluatorNames(rightExperiment)).ToList();
        var leftAll = await ExperimentSummaries.ReadFiguresAsync(db, leftExperiment.Id, cancellationToken);
        var rightAll = rightExperiment == leftExperiment ? leftAll : await ExperimentSummaries.ReadFiguresAsync(db, rightExperiment.Id, cancellationToken);
        var itself = rightExperiment == leftExperiment;
        var left = Choose(leftExperiment, sides.LeftVariantId, "LeftVariantId", leftAll, evaluators, except: null, baselineFirst: itself);
        var right = Choose(rightExperiment, sides.RightVariantId, "RightVariantId", rightAll, evaluators, except: itself ? left.Variant.Id : null, baselineFirst: false);
        var leftCells = leftAll.Where(c => c.VariantId == left.Variant.Id).ToList();
        var rightCells = rightAll.Where(c => c.VariantId == right.Variant.Id).ToList();
        var leftItems = leftCells.Select(c => c.ItemId).ToHashSet();
        var rightItems = rightCells.Select(c => c.ItemId).ToHashSet();
        return new Read(left, right, evaluators,
            [.. leftCells.Where(c => rightItems.Contains(c.ItemId))], [.. rightCells.Where(c => leftItems.Contains(c.ItemId))],
            leftItems.Count, rightItems.Count);
    }

    /// <summary>
    /// The variant asked for; by default the best mean on the first evaluator both experiments pinned, else the
    /// baseline. Comparing an experiment with itself, the left defaults to the baseline and the right to the best of the
    /// others (else the first of them).
    /// </summary>
    private static ComparedSide Choose(
        Experiment experiment, Guid? variantId, string field, List<Figures> cells, List<string> evaluators, Guid? except, bool baselineFirst)
    {
        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        if (variantId is { } id)
        {
            var asked = variants.FirstOrDefault(v => v.Id == id)
                ?? throw new ValidationFailedException(field, $"That variant is not one of '{experiment.Name}''s; choose one of: {string.Join(", ", variants.Select(v => v.Name))}.");
            return new ComparedSide(experiment, asked, VariantChoice.Chosen, null);
        }

        var candidates = variants.Where(v => v.Id != except).ToList();
        if (!baselineFirst && evaluators.Count > 0)
        {
            var byVariant = cells.ToLookup(c => c.VariantId);
            var best = candidates
                .Select(v => (Variant: v, Values: ExperimentSummaries.Values(byVariant[v.Id], evaluators[0])))
                .Where(v => v.Values.Count > 0)
                .OrderByDescending(v => v.Values.Values.Average()).ThenBy(v => v.Variant.Position)
                .FirstOrDefault();
            if (best.Variant is not null)
            {
                return new ComparedSide(experiment, best.Variant, VariantChoice.Best, evaluators[0]);
            }
        }

        return candidates.FirstOrDefault(v => v.IsBaseline) is { } baseline
            ? new ComparedSide(experiment, baseline, VariantChoice.Baseline, null)
            : new ComparedSide(experiment, candidates[0], VariantChoice.First, null);
    }

    private static async Task<ItemOverlap> OverlapAsync(PortalDbContext db, Read read, CancellationToken cancellationToken)
    {
        var (from, to) = (read.Left.Experiment.DatasetVersion, read.Right.Experiment.DatasetVersion);
        var (low, high) = (Math.Min(from, to), Math.Max(from, to));
        var edited = 0;
        if (low != high && read.LeftCells.Count > 0)
        {
            // A row of the older version that closed by the newer one was edited (or deleted) in between.
            var closed = await db.DatasetItems.AsNoTracking()
                .Where(i => i.DatasetId == read.Left.Experiment.DatasetId && i.ValidFrom <= low && i.ValidTo > low && i.ValidTo <= high)
                .Select(i => i.ItemId).ToListAsync(cancellationToken);
            var shared = read.LeftCells.Select(c => c.ItemId).ToHashSet();
            edited = closed.Count(shared.Contains);
        }

        var both = read.LeftCells.Count;
        return new ItemOverlap(both, read.LeftItemCount - both, read.RightItemCount - both, edited);
    }

    private static async Task<Experiment> FindAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
        ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);

    private static IEnumerable<string> EvaluatorNames(Experiment experiment) => experiment.Evaluators.Select(e => e.Name);

    private static IEnumerable<string> EvaluatorNames(ComparedSide side) => EvaluatorNames(side.Experiment);

    private static PinnedEvaluator Pinned(ComparedSide side, string evaluator) => side.Experiment.Evaluators.First(e => e.Name == evaluator);

    private static string SideName(ComparedSide side) => $"{side.Experiment.Name} · {side.Variant.Name}";

    /// <summary>What a comparison is worked out from: the sides, the evaluators both pinned, each side's cells on the shared items, and each side's item count.</summary>
    private sealed record Read(
        ComparedSide Left, ComparedSide Right, List<string> Evaluators, List<Figures> LeftCells, List<Figures> RightCells, int LeftItemCount, int RightItemCount);
}
