namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// One named step of ingestion. Handlers are idempotent: run again after a crash, they replace or
/// skip what the earlier run did, and never duplicate it.
/// </summary>
public interface IPipelineStepHandler
{
    string StepName { get; }

    /// <summary>
    /// True when the step writes the document's next state with its own rows (<see cref="PipelineContext.SaveStateWithAsync"/>),
    /// so its start is not committed first: a run killed inside it resumes at the step before, which redoes little.
    /// </summary>
    bool SavesStateWithItsWrites => false;

    Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken);
}
