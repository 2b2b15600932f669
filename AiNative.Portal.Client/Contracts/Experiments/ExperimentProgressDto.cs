namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// Where a run stands: cells by state, what they cost so far, and the time left at the current rate
/// (<see cref="RemainingSeconds"/>, null before the first cell ends or once the run stopped).
/// </summary>
public sealed record ExperimentProgressDto(
    Guid ExperimentId,
    ExperimentStatusDto Status,
    string? StopReason,
    int CellCount,
    int Succeeded,
    int Failed,
    int Skipped,
    int Cancelled,
    int Done,
    decimal Cost,
    double? RemainingSeconds,
    DateTimeOffset? FinishedAt);
