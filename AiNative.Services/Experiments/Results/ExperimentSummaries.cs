using System.Text.Json;
using System.Text.Json.Serialization;
using AiNative.Services.Data;
using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// The summary per variant, from the experiment's cells read once (a narrow projection): the statistics are the
/// evaluation feature's own (<see cref="Bootstrap"/>, <see cref="PassRate"/>, <see cref="WinTieLoss"/>,
/// <see cref="Percentiles"/>), so every page and export shows the same figures. An ended experiment's summary is kept
/// in the database (<see cref="KeptSummary"/>), worked out once when its run ends (<see cref="SummaryKeeper"/>).
/// </summary>
public sealed class ExperimentSummaries(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, ExperimentStateCache<ExperimentSummary> kept)
{
    /// <summary>Values resampled per bootstrap at most: 10,000 resamples for up to 500 values, fewer (never under 1,000) beyond.</summary>
    private const long ResampledValues = 5_000_000;

    /// <summary>From this many values a mean's interval is the normal one: the bootstrap would cost seconds and agree with it.</summary>
    private const int NormalFrom = 5_000;

    private static readonly JsonSerializerOptions KeptJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public async Task<ExperimentSummary> GetAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        return await SummaryOfAsync(experimentId, cancellationToken);
    }

    /// <summary>
    /// Works out and keeps the summary of an experiment that has just ended, in the team the caller is in, so that its
    /// first viewer reads it at once (see <see cref="SummaryKeeper"/>).
    /// </summary>
    internal Task KeepAsync(Guid experimentId, CancellationToken cancellationToken) => SummaryOfAsync(experimentId, cancellationToken);

    private async Task<ExperimentSummary> SummaryOfAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        Experiment experiment;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
                ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);
        }

        return await kept.GetOrAddAsync(experiment, () => SummarizeAsync(dbFactory, experiment), cancellationToken);
    }

    /// <summary>
    /// Shared by every caller waiting for it (see <see cref="ExperimentStateCache{T}"/>): its own context, never cancelled.
    /// An ended experiment's summary is read from its <see cref="KeptSummary"/>, or worked out and kept there.
    /// </summary>
    private static async Task<ExperimentSummary> SummarizeAsync(IDbContextFactory<PortalDbContext> dbFactory, Experiment experiment)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var state = ExperimentState.Of(experiment);
        var ended = experiment.Status is ExperimentStatus.Completed or ExperimentStatus.Cancelled or ExperimentStatus.StoppedByCap;
        var stored = ended ? await db.KeptSummaries.SingleOrDefaultAsync(k => k.ExperimentId == experiment.Id) : null;
        if (stored is not null && stored.State == state)
        {
            return JsonSerializer.Deserialize<ExperimentSummary>(stored.Summary, KeptJson)!;
        }

        var summary = await WorkOutAsync(db, experiment);
        if (ended)
        {
            await KeepAsync(db, stored, state, experiment.TeamId, summary);
        }

        return summary;
    }

    /// <summary>Another replica may keep the same summary at the same time: either row is right.</summary>
    private static async Task KeepAsync(PortalDbContext db, KeptSummary? stored, ExperimentState state, Guid teamId, ExperimentSummary summary)
    {
        var row = stored ?? db.KeptSummaries.Add(new KeptSummary { ExperimentId = state.Id, TeamId = teamId, Summary = "" }).Entity;
        (row.Status, row.Succeeded, row.Failed, row.Skipped, row.Cancelled, row.Cost) = (state.Status, state.Succeeded, state.Failed, state.Skipped, state.Cancelled, state.Cost);
        row.Summary = JsonSerializer.Serialize(summary, KeptJson);
        row.KeptAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Kept by the other one, or the experiment was deleted meanwhile: nothing to keep.
        }
    }

    private static async Task<ExperimentSummary> WorkOutAsync(PortalDbContext db, Experiment experiment)
    {
        var cells = await ReadFiguresAsync(db, experiment.Id, CancellationToken.None);
        var evaluators = experiment.Evaluators.Select(e => e.Name).ToList();
        var byVariant = cells.ToLookup(c => c.VariantId);
        var baseline = experiment.Variants.FirstOrDefault(v => v.IsBaseline);
        var baselineValues = baseline is null ? [] : evaluators.ToDictionary(e => e, e => Values(byVariant[baseline.Id], e));
        var buckets = BucketsOf(cells);
        var variants = experiment.Variants.OrderBy(v => v.Position)
            .Select(v => Summarize(v, [.. byVariant[v.Id]], evaluators, v.IsBaseline ? null : baselineValues, buckets))
            .ToList();
        return new ExperimentSummary(experiment.Id, evaluators, variants, buckets);
    }

    /// <summary>The narrow projection of an experiment's cells that every figure is worked out from.</summary>
    internal static Task<List<CellFigures>> ReadFiguresAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId)
            .Select(c => new CellFigures(c.VariantId, c.ItemId, c.Status, c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.Evaluations))
            .ToListAsync(cancellationToken);

    /// <summary>Latency buckets every variant shares, so their histograms line up; none before a cell has succeeded.</summary>
    internal static LatencyBuckets? BucketsOf(IEnumerable<CellFigures> cells)
    {
        var latencies = cells.Where(c => c.Status == CellStatus.Succeeded && c.LatencyMs is not null).Select(c => c.LatencyMs!.Value).ToList();
        return latencies.Count == 0 ? null : LatencyBuckets.Covering(latencies.Min(), latencies.Max());
    }

    internal static VariantSummary Summarize(
        ExperimentVariant variant, List<CellFigures> cells, List<string> evaluators, Dictionary<string, Dictionary<Guid, double>>? baseline, LatencyBuckets? buckets)
    {
        var latencies = cells.Where(c => c.Status == CellStatus.Succeeded && c.LatencyMs is not null).Select(c => c.LatencyMs!.Value).ToArray();
        var scores = evaluators.Select(name => Score(name, cells, baseline?.GetValueOrDefault(name))).ToList();
        return new VariantSummary(
            variant.Id, variant.Name, variant.IsBaseline, cells.Count,
            cells.Count(c => c.Status == CellStatus.Succeeded),
            cells.Count(c => c.Status == CellStatus.Failed),
            cells.Count(c => c.Status == CellStatus.SkippedByCap),
            cells.Count(c => c.Status == CellStatus.Cancelled),
            cells.Count(c => c.Status is CellStatus.Pending or CellStatus.Running),
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            cells.Sum(c => c.InputTokens), cells.Sum(c => c.OutputTokens), cells.Sum(c => c.Cost),
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

    internal sealed record CellFigures(
        Guid VariantId, Guid ItemId, CellStatus Status, double? LatencyMs, long InputTokens, long OutputTokens, decimal Cost, List<CellEvaluation> Evaluations);
}
