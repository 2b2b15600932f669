using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Execution;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Experiments.Running;

/// <summary>
/// Scores a cell's output with each evaluator version its experiment pinned, through the
/// <c>Microsoft.Extensions.AI.Evaluation</c> contract, with what each compares against as contexts: the item's
/// expected output and sources, the call's latency and cost, what retrieval found, the baseline's output. Every
/// result becomes a score on the cell's trace; an evaluator that could not score is an error, never a 0.
/// </summary>
internal sealed class CellEvaluator(IDbContextFactory<PortalDbContext> dbFactory, EvaluatorFactory factory, ModelLookup models, TimeProvider clock)
{
    public async Task<CellScores> EvaluateAsync(
        Experiment experiment,
        ExperimentVariant variant,
        DatasetItem item,
        IReadOnlyList<ChatMessage> messages,
        string output,
        RunRecord run,
        CancellationToken cancellationToken)
    {
        if (experiment.Evaluators.Count == 0)
        {
            return new CellScores([], []);
        }

        var contexts = await ContextsAsync(experiment, variant, item, run, cancellationToken);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, output));
        var evaluations = new List<CellEvaluation>();
        var scores = new List<Score>();
        // A pairwise judge compares a variant with the baseline: the baseline's own cells have nothing to compare.
        foreach (var pinned in experiment.Evaluators.Where(e => !(variant.IsBaseline && e.Kind == EvaluatorKind.PairwiseJudge)))
        {
            var (evaluation, isCheck) = await EvaluateAsync(pinned, messages, response, contexts, cancellationToken);
            evaluations.Add(evaluation);
            scores.Add(ScoreOf(experiment.TeamId, run.Trace.Id, pinned, evaluation, isCheck));
        }

        return new CellScores(evaluations, scores);
    }

    private async Task<(CellEvaluation Evaluation, bool IsCheck)> EvaluateAsync(
        PinnedEvaluator pinned, IReadOnlyList<ChatMessage> messages, ChatResponse response, List<EvaluationContext> contexts, CancellationToken cancellationToken)
    {
        EvaluationMetric metric;
        try
        {
            var result = await factory.Create(pinned.Kind, pinned.Settings, pinned.Name).EvaluateAsync(messages, response, null, contexts, cancellationToken);
            metric = result.Metrics.TryGetValue(pinned.Name, out var named) ? named : result.Metrics.Values.First();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An evaluator written elsewhere may throw; its failure is the evaluator's, not the cell's.
            return (new CellEvaluation(pinned.Name, null, null, null, $"The evaluator failed: {e.Message}"), false);
        }

        var isCheck = metric is BooleanMetric;
        if (EvaluatorMetrics.IsError(metric))
        {
            var error = metric.Reason ?? metric.Diagnostics?.FirstOrDefault(d => d.Severity == EvaluationDiagnosticSeverity.Error)?.Message ?? "The evaluator could not score.";
            return (new CellEvaluation(pinned.Name, null, null, null, error), isCheck);
        }

        double? value = metric switch
        {
            BooleanMetric { Value: { } passed } => passed ? 1 : 0,
            NumericMetric { Value: { } number } => number,
            _ => null,
        };
        return value is null
            ? (new CellEvaluation(pinned.Name, null, null, null, metric.Reason ?? "The evaluator gave no value."), isCheck)
            : (new CellEvaluation(pinned.Name, value, metric.Interpretation is { } interpretation ? !interpretation.Failed : null, metric.Reason, null), isCheck);
    }

    private async Task<List<EvaluationContext>> ContextsAsync(
        Experiment experiment, ExperimentVariant variant, DatasetItem item, RunRecord run, CancellationToken cancellationToken)
    {
        var model = await models.FindAsync(variant.ModelId, cancellationToken);
        var priced = model is { } m && (m.InputPricePerMillion > 0 || m.OutputPricePerMillion > 0);
        List<EvaluationContext> contexts = [new CallMeasuresContext(TimeSpan.FromMilliseconds(run.Trace.LatencyMs), priced ? run.Trace.Cost : null)];
        if (item.ExpectedOutput is { } expected)
        {
            contexts.Add(new ExpectedOutputContext(expected));
        }

        if (item.ExpectedSources.Count > 0)
        {
            contexts.Add(new ExpectedDocumentsContext(item.ExpectedSources));
        }

        var kinds = experiment.Evaluators.Select(e => e.Kind).ToHashSet();
        if (run.Observations.FirstOrDefault(o => o.Type == ObservationType.Retrieval && o.Name == ObservationNames.Retrieve) is { } retrieval
            && (kinds.Contains(EvaluatorKind.HitRate) || kinds.Contains(EvaluatorKind.ReciprocalRank) || kinds.Contains(EvaluatorKind.Faithfulness)))
        {
            contexts.Add(await RetrievedAsync(retrieval, cancellationToken));
        }

        if (kinds.Contains(EvaluatorKind.PairwiseJudge) && !variant.IsBaseline && await BaselineOutputAsync(experiment.Id, item.ItemId, cancellationToken) is { } baseline)
        {
            contexts.Add(new BaselineOutputContext(baseline));
        }

        return contexts;
    }

    private async Task<RetrievedDocumentsContext> RetrievedAsync(Observation retrieval, CancellationToken cancellationToken)
    {
        var ids = retrieval.Hits.Select(h => h.ChunkId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var texts = await db.KnowledgeChunks.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Text, cancellationToken);
        return new RetrievedDocumentsContext([.. retrieval.Hits.Select(h => new RetrievedDocument(h.DocumentName, texts.GetValueOrDefault(h.ChunkId, string.Empty)))]);
    }

    /// <summary>The baseline's output for the item; null when its cell failed (a pairwise judge then says there is nothing to compare).</summary>
    private async Task<string?> BaselineOutputAsync(Guid experimentId, Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentCells.AsNoTracking()
            .Where(c => c.ExperimentId == experimentId && c.ItemId == itemId && c.IsBaseline && c.Status == CellStatus.Succeeded)
            .Select(c => c.Output).FirstOrDefaultAsync(cancellationToken);
    }

    private Score ScoreOf(Guid teamId, Guid traceId, PinnedEvaluator pinned, CellEvaluation evaluation, bool isCheck) => new()
    {
        TeamId = teamId,
        TraceId = traceId,
        Name = pinned.Name,
        DataType = isCheck ? ScoreDataType.Boolean : ScoreDataType.Numeric,
        NumericValue = evaluation.Value,
        StringValue = isCheck && evaluation.Value is { } value ? (value == 1 ? "true" : "false") : null,
        Source = ScoreSource.Evaluator,
        EvaluatorName = pinned.Name,
        EvaluatorVersion = pinned.Version,
        Comment = Comment(evaluation),
        CreatedAt = clock.GetUtcNow(),
    };

    private static string? Comment(CellEvaluation evaluation)
    {
        var text = evaluation.Error is { } error ? $"Evaluator error: {error}" : evaluation.Reason;
        return text is null || text.Length <= TraceRules.CommentMaxLength ? text : $"{text[..(TraceRules.CommentMaxLength - 1)]}…";
    }
}
