namespace AiNative.Services.Experiments;

/// <summary>Where one cell (one item run by one variant) stands.</summary>
public enum CellStatus
{
    /// <summary>Waiting for a runner (again, after a rate limit or an interrupted run).</summary>
    Pending = 1,

    /// <summary>Claimed by a runner, whose lease keeps it.</summary>
    Running = 2,

    Succeeded = 3,

    /// <summary>The call or the prompt failed; <see cref="ExperimentCell.Error"/> says why.</summary>
    Failed = 4,

    /// <summary>Not run: the experiment's cost cap was reached first.</summary>
    SkippedByCap = 5,

    /// <summary>Not run, or stopped while running: the experiment was cancelled.</summary>
    Cancelled = 6,
}
