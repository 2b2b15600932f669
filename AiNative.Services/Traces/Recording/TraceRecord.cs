namespace AiNative.Services.Traces.Recording;

/// <summary>One thing the writer saves: a trace as it stands now (saved over the last), an observation, or a score.</summary>
internal abstract record TraceRecord
{
    public sealed record TraceState(Trace Trace) : TraceRecord;

    public sealed record ObservationEnded(Observation Observation) : TraceRecord;

    public sealed record ScoreGiven(Score Score) : TraceRecord;

    /// <summary>Completes when everything queued before it is saved: how a reader catches up with the writer.</summary>
    public sealed record Barrier(TaskCompletionSource Written) : TraceRecord;
}
