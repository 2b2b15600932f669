namespace AiNative.Portal.Client.Contracts.Runs;

public enum RunStatusDto
{
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}
