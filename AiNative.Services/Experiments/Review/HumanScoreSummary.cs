using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Traces;

namespace AiNative.Services.Experiments.Review;

/// <summary>One score people gave an experiment's cells, per variant in the variants' order.</summary>
public sealed record HumanScoreSummary(string Name, ScoreDataType DataType, IReadOnlyList<HumanVariantScore> Variants);

/// <summary>
/// A variant's cells as people scored them (each cell's latest score): how many, the mean with its 95% bootstrap interval
/// (the share of yes for a yes/no score; none for labels) and how often each label was given.
/// </summary>
public sealed record HumanVariantScore(Guid VariantId, string VariantName, int Count, MeanInterval? Mean, IReadOnlyList<LabelCount> Labels);

public sealed record LabelCount(string Label, int Count);
