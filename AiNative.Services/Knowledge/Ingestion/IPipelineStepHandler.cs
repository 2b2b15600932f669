namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// One named step of ingestion. Handlers are idempotent: run again after a crash, they replace or
/// skip what the earlier run did, and never duplicate it.
/// </summary>
public interface IPipelineStepHandler
{
    string StepName { get; }

    Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken);
}
