namespace AiNative.Portal.Client.Contracts.Runs;

public enum RunStatusDto
{
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,

    /// <summary>Still running: another page, or this one before it ended.</summary>
    Running = 4,
}
