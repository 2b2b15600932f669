using AiNative.Services.Knowledge.Ingestion;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>The real embed step behind a gate per kind of run, so a test decides what happens while a document waits in it.</summary>
internal sealed class GatedEmbedStep(EmbedStep inner, EmbedGates gates) : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Embed;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        await (context.IsReindex ? gates.Reindex : gates.Ingestion).PassAsync(cancellationToken);
        return await inner.InvokeAsync(context, cancellationToken);
    }
}

/// <summary>One gate for runs that re-index a base, one for runs that ingest a document; both open until closed.</summary>
internal sealed class EmbedGates
{
    public Gate Reindex { get; } = new();

    public Gate Ingestion { get; } = new();
}

internal sealed class Gate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _open = CreateOpen();

    /// <summary>Completes once a run passes or waits at the gate since it was last closed; runs that passed before do not count.</summary>
    public Task Reached
    {
        get
        {
            lock (_lock)
            {
                return _reached.Task;
            }
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource reached, open;
        lock (_lock)
        {
            (reached, open) = (_reached, _open);
        }

        reached.TrySetResult();
        await open.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource CreateOpen()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
