using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments.Comparison;

namespace AiNative.Portal.Experiments;

/// <summary>Comparisons of experiments between the services and the API contract.</summary>
internal static class ComparisonMappings
{
    public static ComparisonSides ToSides(this ComparisonQuery q) => new(q.Left, q.LeftVariant, q.Right, q.RightVariant);

    public static ExperimentComparisonDto ToDto(this ExperimentComparison c) => new(
        c.Left.ToDto(), c.Right.ToDto(),
        new ItemOverlapDto(c.Items.Shared, c.Items.OnlyLeft, c.Items.OnlyRight, c.Items.EditedBetweenVersions),
        c.Summary.ToDto(),
        [.. c.Differences.Select(d => new PairedDifferenceDto(
            d.Evaluator, d.LeftVersion, d.RightVersion, d.Difference?.Count ?? 0, d.Difference?.Mean, d.Difference?.Low, d.Difference?.High,
            d.Record?.Wins, d.Record?.Ties, d.Record?.Losses, d.Record?.PValue))],
        c.OnlyLeftEvaluators, c.OnlyRightEvaluators);

    public static ComparedSideDto ToDto(this ComparedSide s) => new(
        s.Experiment.Id, s.Experiment.Name, s.Experiment.DatasetId, s.Experiment.DatasetName, s.Experiment.DatasetVersion, (ExperimentStatusDto)s.Experiment.Status,
        s.Variant.Id, s.Variant.Name, (VariantChoiceDto)s.ChosenBy, s.ChosenOn,
        [.. s.Experiment.Variants.OrderBy(v => v.Position).Select(v => v.ToDto())]);

    public static ChangedItemPageDto ToDto(this ChangedItemPage p) => new(
        [.. p.Items.Select(i => new ChangedItemDto(
            i.ItemId, i.Position, i.Input is null ? null : ItemJson.Read(i.Input), i.ExpectedOutput, i.Change, i.Left.ToDto(), i.Right.ToDto()))],
        p.Total, p.Page, p.PageSize);
}
