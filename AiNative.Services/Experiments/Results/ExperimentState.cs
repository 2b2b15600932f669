namespace AiNative.Services.Experiments.Results;

/// <summary>What an experiment's results are worked out for: they change only when its status or a count of ended cells does.</summary>
public readonly record struct ExperimentState(Guid Id, ExperimentStatus Status, int Succeeded, int Failed, int Skipped, int Cancelled)
{
    public static ExperimentState Of(Experiment experiment) =>
        new(experiment.Id, experiment.Status, experiment.SucceededCount, experiment.FailedCount, experiment.SkippedCount, experiment.CancelledCount);
}
