using AiNative.Services.Data;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Review;

/// <summary>
/// People's scores of an experiment per variant, and each LLM judge's calibration against them. A judge and a person
/// are compared as pass/fail, the one scale both have: the judge's pass is its threshold's (the cell's evaluation), a
/// person's is yes for a yes/no score and at least the middle of the range for a numeric one (3 of 1–5). Label scores
/// have no pass, so they are shown but not compared.
/// </summary>
public sealed class ExperimentReviewSummaries(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team)
{
    /// <summary>Cells both must have scored before agreement is shown.</summary>
    public const int MinimumPairs = 5;

    public const string Pass = "pass";

    public const string Fail = "fail";

    private static readonly EvaluatorKind[] JudgeKinds = [EvaluatorKind.Judge, EvaluatorKind.Faithfulness];

    public async Task<ReviewSummary> GetAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);
        var cells = await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId && c.TraceId != null)
            .Select(c => new ReviewedCell(c.VariantId, c.TraceId!.Value, c.Evaluations)).ToListAsync(cancellationToken);
        var given = await db.Scores.AsNoTracking()
            .Where(s => s.Source == ScoreSource.Human && db.ExperimentCells.Any(c => c.ExperimentId == experimentId && c.TraceId == s.TraceId))
            .Select(s => new HumanScore(s.TraceId, s.Name, s.DataType, s.NumericValue, s.StringValue, s.CreatedAt)).ToListAsync(cancellationToken);

        // A cell reviewed twice counts with its latest score.
        var latest = given.GroupBy(s => (s.TraceId, s.Name)).Select(g => g.MaxBy(s => s.CreatedAt)!).ToLookup(s => s.Name);
        var names = latest.Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var definitions = await db.ScoreDefinitions.AsNoTracking().Where(d => names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, cancellationToken);
        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        var scores = names.Select(name => Summarize(name, [.. latest[name]], cells, variants)).ToList();
        var judges = experiment.Evaluators.Where(e => JudgeKinds.Contains(e.Kind))
            .SelectMany(judge => names.Where(name => definitions.TryGetValue(name, out var d) && HasPass(d))
                .Select(name => Agreement(judge.Name, definitions[name], [.. latest[name]], cells)))
            .ToList();
        return new ReviewSummary(scores, judges);
    }

    private static HumanScoreSummary Summarize(string name, List<HumanScore> scores, List<ReviewedCell> cells, List<ExperimentVariant> variants)
    {
        var variantOf = cells.ToDictionary(c => c.TraceId, c => c.VariantId);
        var byVariant = scores.Where(s => variantOf.ContainsKey(s.TraceId)).ToLookup(s => variantOf[s.TraceId]);
        var type = scores[0].DataType;
        return new HumanScoreSummary(name, type, [.. variants.Select(v =>
        {
            var given = byVariant[v.Id].ToList();
            var values = given.Where(s => s.NumericValue is not null).Select(s => s.NumericValue!.Value).ToList();
            var labels = type == ScoreDataType.Categorical
                ? given.GroupBy(s => s.StringValue ?? string.Empty).Select(g => new LabelCount(g.Key, g.Count())).OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList()
                : [];
            return new HumanVariantScore(v.Id, v.Name, given.Count, Bootstrap.Mean(values), labels);
        })]);
    }

    private static JudgeAgreement Agreement(string judge, ScoreDefinition definition, List<HumanScore> scores, List<ReviewedCell> cells)
    {
        var human = scores.ToDictionary(s => s.TraceId);
        var pairs = new List<(string Judge, string Human)>();
        foreach (var cell in cells)
        {
            if (cell.Evaluations.FirstOrDefault(e => e.Evaluator == judge) is { Passed: { } judged }
                && human.TryGetValue(cell.TraceId, out var score) && HumanPass(definition, score.NumericValue) is { } passed)
            {
                pairs.Add((judged ? Pass : Fail, passed ? Pass : Fail));
            }
        }

        return new JudgeAgreement(judge, definition.Name, pairs.Count, pairs.Count >= MinimumPairs ? JudgeCalibration.Of(pairs) : null);
    }

    /// <summary>Whether the score has a pass: labels and a numeric score without a range have none.</summary>
    private static bool HasPass(ScoreDefinition definition) =>
        definition.DataType == ScoreDataType.Boolean || definition is { DataType: ScoreDataType.Numeric, Minimum: not null, Maximum: not null };

    /// <summary>A person's score as pass/fail, for a score that <see cref="HasPass"/>.</summary>
    private static bool? HumanPass(ScoreDefinition definition, double? value) => (definition.DataType, value) switch
    {
        (ScoreDataType.Boolean, { } yes) => yes >= 1,
        (ScoreDataType.Numeric, { } number) => number >= (definition.Minimum + definition.Maximum) / 2,
        _ => null,
    };

    private sealed record ReviewedCell(Guid VariantId, Guid TraceId, List<CellEvaluation> Evaluations);

    private sealed record HumanScore(Guid TraceId, string Name, ScoreDataType DataType, double? NumericValue, string? StringValue, DateTimeOffset CreatedAt);
}
