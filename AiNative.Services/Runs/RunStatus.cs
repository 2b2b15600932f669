namespace AiNative.Services.Runs;

/// <summary>How a run, or one span of its trace, ended.</summary>
public enum RunStatus
{
    Succeeded = 1,
    Failed = 2,

    /// <summary>The person stopped it, or closed the page, before the answer was complete.</summary>
    Cancelled = 3,
}
