namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Where one row stands against the baseline: whether a variant regressed, whether a cell's evaluators disagree, and
/// the worst variant's mean change of score (null when no variant has a score to compare with the baseline's).
/// </summary>
public sealed record RowStanding(Guid ItemId, long Position, bool Regressed, bool Disagrees, double? ScoreChange);
