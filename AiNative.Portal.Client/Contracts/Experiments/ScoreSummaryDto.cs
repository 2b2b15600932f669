namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// One evaluator's figures for one variant: the mean of its values with a 95% bootstrap interval, the pass rate with
/// its 95% Wilson interval, the cells it could not score, and, against the baseline on the items both were scored on,
/// wins, ties and losses with the sign test's p-value. Null where there is nothing to compute from.
/// </summary>
public sealed record ScoreSummaryDto(
    string Evaluator,
    double? Mean,
    double? MeanLow,
    double? MeanHigh,
    int Scored,
    double? PassRate,
    double? PassRateLow,
    double? PassRateHigh,
    int Passed,
    int Errors,
    int? Wins,
    int? Ties,
    int? Losses,
    double? PValue);
