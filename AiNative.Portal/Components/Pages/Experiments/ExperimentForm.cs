using AiNative.Portal.Client.Contracts.Experiments;

namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>What the new-experiment form holds, and the request it makes.</summary>
public sealed class ExperimentForm
{
    public const int MinVariants = 2;

    public const int MaxVariants = 6;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public Guid? DatasetId { get; set; }

    /// <summary>Null runs on the latest version.</summary>
    public int? DatasetVersion { get; set; }

    public List<VariantDraft> Variants { get; } = [new(), new()];

    public int BaselineIndex { get; set; }

    public IReadOnlyCollection<Guid> EvaluatorIds { get; set; } = [];

    public decimal? CostCap { get; set; }

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    public CreateExperimentRequest ToRequest() => new(
        Name?.Trim(), DatasetId ?? Guid.Empty, [.. Variants.Select(v => v.ToRequest())], BaselineIndex, [.. EvaluatorIds], CostCap, DatasetVersion,
        string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
}
