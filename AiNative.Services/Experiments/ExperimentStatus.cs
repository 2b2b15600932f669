namespace AiNative.Services.Experiments;

/// <summary>Where an experiment stands; <see cref="Experiment.StopReason"/> says why one that ended early stopped.</summary>
public enum ExperimentStatus
{
    /// <summary>Created with its estimate; no cell exists yet.</summary>
    Draft = 1,

    /// <summary>Its cells are being run.</summary>
    Running = 2,

    /// <summary>Every cell ran: succeeded or failed.</summary>
    Completed = 3,

    /// <summary>Someone cancelled it; cells not run are cancelled.</summary>
    Cancelled = 4,

    /// <summary>Its cost cap was reached; cells not run are skipped.</summary>
    StoppedByCap = 5,
}
