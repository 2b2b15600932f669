using AiNative.Services.Evaluation.Statistics;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// One evaluator's results for one variant: the mean with its 95% bootstrap interval, the pass rate with its Wilson
/// interval, how many cells it could not score, and, for a variant other than the baseline, wins, ties and losses
/// against the baseline on the items both were scored on, with the sign test's p-value.
/// </summary>
public sealed record ScoreSummary(string Evaluator, MeanInterval? Mean, PassRate? PassRate, int Errors, WinTieLoss? VersusBaseline);
