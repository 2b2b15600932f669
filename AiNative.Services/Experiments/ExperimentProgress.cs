namespace AiNative.Services.Experiments;

/// <summary>
/// How far an experiment's run has come, as its row counts it: sent to pages on every replica after every cell (ids
/// and numbers only, never content). <see cref="RemainingTime"/> is the time left at the current run's rate.
/// </summary>
public sealed record ExperimentProgress(
    Guid TeamId,
    Guid ExperimentId,
    ExperimentStatus Status,
    string? StopReason,
    int CellCount,
    int Succeeded,
    int Failed,
    int Skipped,
    int Cancelled,
    decimal Cost,
    DateTimeOffset? RunStartedAt,
    int DoneAtRunStart,
    DateTimeOffset? FinishedAt)
{
    public int Done => Succeeded + Failed + Skipped + Cancelled;

    public int Remaining => Math.Max(0, CellCount - Done);

    public static ExperimentProgress Of(Experiment e) => new(
        e.TeamId, e.Id, e.Status, e.StopReason, e.CellCount, e.SucceededCount, e.FailedCount, e.SkippedCount, e.CancelledCount, e.Cost,
        e.RunStartedAt, e.DoneAtRunStart, e.FinishedAt);

    /// <summary>The time the cells left would take at the rate of the current run so far; null before its first cell ends or once it stopped.</summary>
    public TimeSpan? RemainingTime(DateTimeOffset now)
    {
        var doneThisRun = Done - DoneAtRunStart;
        if (Status != ExperimentStatus.Running || RunStartedAt is not { } started || doneThisRun <= 0 || now <= started)
        {
            return null;
        }

        var perCell = (now - started) / doneThisRun;
        return perCell * Remaining;
    }
}
