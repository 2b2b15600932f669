namespace AiNative.Services.Platform.Jobs;

public enum JobOutcomeKind
{
    Done = 1,
    Retry = 2,
    Fail = 3,

    /// <summary>Not an attempt: the job waits for other work and is queued again without counting it.</summary>
    Postpone = 4,
}
