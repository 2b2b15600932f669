namespace AiNative.Services.Experiments.Results;

/// <summary>
/// What an experiment's results are worked out for: they change only when its status, a count of ended cells or its
/// cost does (failed cells re-run and failing again leave the counts as they were, but add their calls' cost).
/// </summary>
public readonly record struct ExperimentState(Guid Id, ExperimentStatus Status, int Succeeded, int Failed, int Skipped, int Cancelled, decimal Cost)
{
    public static ExperimentState Of(Experiment experiment) => new(
        experiment.Id, experiment.Status, experiment.SucceededCount, experiment.FailedCount, experiment.SkippedCount, experiment.CancelledCount, experiment.Cost);
}
