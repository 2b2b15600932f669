using AiNative.Services.Evaluation.Statistics;

namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// One evaluator over the items both sides scored: the mean of right − left with its 95% paired bootstrap interval, and
/// the right side's wins, ties and losses against the left with the sign test's p-value. The pinned versions say
/// whether both sides were scored by the same evaluator version.
/// </summary>
public sealed record PairedDifference(string Evaluator, int LeftVersion, int RightVersion, MeanInterval? Difference, WinTieLoss? Record);
