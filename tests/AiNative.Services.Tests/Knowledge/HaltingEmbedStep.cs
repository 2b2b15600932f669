using AiNative.Services.Knowledge.Ingestion;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Stands in for the embed step and never finishes: the process is stopped while a document waits in it.</summary>
internal sealed class HaltingEmbedStep : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Embed;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return StepResult.Success;
    }
}
