namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// The two variants to compare: an experiment each and, optionally, one of its variants (null: the default that
/// <see cref="ExperimentComparisons"/> picks). Left is the reference ("before"), right the one compared with it.
/// </summary>
public sealed record ComparisonSides(Guid LeftExperimentId, Guid? LeftVariantId, Guid RightExperimentId, Guid? RightVariantId);
