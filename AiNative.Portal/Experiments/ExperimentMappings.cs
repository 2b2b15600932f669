using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Experiments.Results;

namespace AiNative.Portal.Experiments;

/// <summary>Experiments between the services and the API contract.</summary>
internal static class ExperimentMappings
{
    public static ExperimentDto ToDto(this Experiment e, DateTimeOffset now) => new(
        e.Id, e.Name, e.DatasetId, e.DatasetName, e.DatasetVersion, [.. e.Variants.OrderBy(v => v.Position).Select(v => v.Name)],
        ExperimentProgress.Of(e).ToDto(now), e.CreatedAt, e.CreatedBy);

    public static ExperimentDetailsDto ToDetailsDto(this Experiment e, ExperimentSummary summary, DateTimeOffset now) => new(
        e.Id, e.Name, e.Description, e.DatasetId, e.DatasetName, e.DatasetVersion, e.ItemCount,
        [.. e.Variants.OrderBy(v => v.Position).Select(v => v.ToDto())],
        [.. e.Evaluators.Select(p => new PinnedEvaluatorDto(p.DefinitionId, p.Name, p.Version, p.Kind.ToString()))],
        e.CostCap, e.EstimatedCalls, e.EstimatedCost, ExperimentProgress.Of(e).ToDto(now), e.InputTokens, e.OutputTokens,
        e.CreatedAt, e.CreatedBy, e.StartedBy, summary.ToDto());

    public static ExperimentVariantDto ToDto(this ExperimentVariant v) => new(
        v.Id, v.Position, v.Name, v.IsBaseline, v.PromptId, v.PromptName, v.PromptVersion, v.PromptLabel, v.ModelId, v.ModelName, v.ModelOverridden,
        v.Settings.Temperature, v.Settings.TopP, v.Settings.MaxOutputTokens);

    public static ExperimentProgressDto ToDto(this ExperimentProgress p, DateTimeOffset now) => new(
        p.ExperimentId, (ExperimentStatusDto)p.Status, p.StopReason, p.CellCount, p.Succeeded, p.Failed, p.Skipped, p.Cancelled, p.Done, p.Cost,
        p.RemainingTime(now)?.TotalSeconds, p.FinishedAt);

    public static ExperimentSummaryDto ToDto(this ExperimentSummary s) => new(
        s.Evaluators, [.. s.Variants.Select(v => v.ToDto())], s.LatencyBuckets is { } b ? new LatencyBucketsDto(b.StartMs, b.WidthMs, b.Count) : null);

    public static VariantSummaryDto ToDto(this VariantSummary v) => new(
        v.VariantId, v.Name, v.IsBaseline, v.Cells, v.Succeeded, v.Failed, v.Skipped, v.Cancelled, v.Waiting, v.LatencyP50Ms, v.LatencyP95Ms,
        v.InputTokens, v.OutputTokens, v.Cost, [.. v.Scores.Select(s => s.ToDto())], v.LatencyCounts);

    public static ScoreSummaryDto ToDto(this ScoreSummary s) => new(
        s.Evaluator, s.Mean?.Mean, s.Mean?.Low, s.Mean?.High, s.Mean?.Count ?? 0,
        s.PassRate?.Rate, s.PassRate?.Low, s.PassRate?.High, s.PassRate?.Passed ?? 0, s.Errors,
        s.VersusBaseline?.Wins, s.VersusBaseline?.Ties, s.VersusBaseline?.Losses, s.VersusBaseline?.PValue);

    public static ExperimentEstimateDto ToDto(this ExperimentEstimate e) => new(
        e.Items, e.Calls, e.EstimatedCost, e.MaxCost,
        [.. e.Variants.Select(v => new VariantEstimateDto(v.Name, v.ModelName, v.Calls, v.InputTokens, v.OutputTokens, v.EstimatedCost, v.MaxCost, v.Priced))],
        e.Notes);

    public static ExperimentRowPageDto ToDto(this ExperimentRowPage p) => new([.. p.Rows.Select(r => r.ToDto())], p.Total, p.Page, p.PageSize);

    public static ExperimentRowDto ToDto(this ExperimentRow r) => new(
        r.ItemId, r.Position, r.Input is null ? null : ItemJson.Read(r.Input), r.ExpectedOutput, [.. r.Cells.Select(c => c.ToDto())]);

    public static ExperimentCellDto ToDto(this ExperimentCell c) => new(
        c.Id, c.VariantId, c.VariantPosition, (CellStatusDto)c.Status, c.Output, c.Error, c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.TraceId,
        [.. c.Evaluations.Select(e => new CellEvaluationDto(e.Evaluator, e.Value, e.Passed, e.Reason, e.Error))]);

    public static ExperimentExportFileDto ToDto(this ExperimentExportFile f) => new(f.ExperimentId, (ExperimentExportFormatDto)f.Format, f.FileName, f.ContentType);

    public static ExperimentExportFile ToFile(this ExperimentExportFileDto f) => new(f.ExperimentId, (ExportFormat)f.Format, f.FileName, f.ContentType);

    public static ExperimentInput ToInput(this CreateExperimentRequest r) => new()
    {
        Name = r.Name,
        Description = r.Description,
        DatasetId = r.DatasetId,
        DatasetVersion = r.DatasetVersion,
        Variants = [.. (r.Variants ?? []).Select(v => new VariantInput
        {
            Name = string.IsNullOrWhiteSpace(v.Name) ? null : v.Name,
            PromptId = v.PromptId,
            PromptVersion = v.PromptVersion,
            PromptLabel = v.PromptLabel,
            ModelId = v.ModelId,
            Temperature = v.Temperature,
            TopP = v.TopP,
            MaxOutputTokens = v.MaxOutputTokens,
        })],
        BaselineIndex = r.BaselineIndex,
        EvaluatorIds = r.EvaluatorIds ?? [],
        CostCap = r.CostCap,
    };
}
