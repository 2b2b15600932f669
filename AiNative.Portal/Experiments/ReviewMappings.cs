using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments.Review;

namespace AiNative.Portal.Experiments;

/// <summary>Between the review services' types and the API contract's DTOs.</summary>
internal static class ReviewMappings
{
    public static ReviewQueueDto ToDto(this ReviewQueue q) => new(q.ExperimentName, q.ScoreName, q.Reviewed, q.Total, q.Next is { } c
        ? new ReviewCellDto(c.CellId, c.TraceId, c.ItemPosition, c.VariantName, c.Input is null ? null : ItemJson.Read(c.Input), c.ExpectedOutput, c.Output)
        : null);

    public static ReviewSummaryDto ToDto(this ReviewSummary s) => new(
        [.. s.Scores.Select(h => new HumanScoreSummaryDto(h.Name, (ScoreDataTypeDto)h.DataType, [.. h.Variants.Select(v => new HumanVariantScoreDto(
            v.VariantName, v.Count, v.Mean?.Mean, v.Mean?.Low, v.Mean?.High, [.. v.Labels.Select(l => new LabelCountDto(l.Label, l.Count))]))]))],
        [.. s.Judges.Select(j => new JudgeAgreementDto(j.Judge, j.HumanScore, j.Pairs, j.Calibration?.Accuracy, j.Calibration?.Kappa,
            j.Calibration?.Labels ?? [], j.Calibration?.Matrix ?? []))],
        ExperimentReviewSummaries.MinimumPairs);
}
