using AiNative.Services.Models.Pipeline;
using AiNative.Services.Traces;

namespace AiNative.Services.Models.Invocation;

/// <summary>
/// Where one call is recorded: inside the caller's trace, or, for a caller that has none (an embedding
/// of a search, a connection test), in a trace of its own that ends with the call.
/// </summary>
internal sealed class CallTrace : IAsyncDisposable
{
    private readonly ActiveTrace? _owned;

    private CallTrace(CallRecording recording, ActiveTrace? owned)
    {
        Recording = recording;
        _owned = owned;
    }

    public CallRecording Recording { get; }

    /// <summary>What the call produced, kept as the output of a trace of its own.</summary>
    public string? Output { get; set; }

    public static async ValueTask<CallTrace> StartAsync(
        TraceRecorder recorder, ActiveTrace? trace, Guid? parentId, TraceSource source, string name, CancellationToken cancellationToken)
    {
        if (trace is not null)
        {
            return new CallTrace(new CallRecording(trace, parentId), null);
        }

        var owned = await recorder.StartAsync(source, name, cancellationToken);
        return new CallTrace(new CallRecording(owned, null), owned);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is null)
        {
            return;
        }

        var call = Recording.Observation;
        var status = call?.Status ?? TraceStatus.Cancelled;
        _owned.SetOutput(Output);
        if (status == TraceStatus.Failed)
        {
            _owned.SetProblem("The model call failed", call?.Error);
        }

        await _owned.EndAsync(status);
    }
}
