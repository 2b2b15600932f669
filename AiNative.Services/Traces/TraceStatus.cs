namespace AiNative.Services.Traces;

/// <summary>Where a trace, or one of its observations, stands.</summary>
public enum TraceStatus
{
    Succeeded = 1,
    Failed = 2,

    /// <summary>Stopped by the caller (a closed page, a cancelled run) before it was complete.</summary>
    Cancelled = 3,

    /// <summary>Started and not ended yet.</summary>
    Running = 4,
}
