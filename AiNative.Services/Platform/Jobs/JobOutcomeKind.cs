namespace AiNative.Services.Platform.Jobs;

public enum JobOutcomeKind
{
    Done = 1,
    Retry = 2,
    Fail = 3,
}
