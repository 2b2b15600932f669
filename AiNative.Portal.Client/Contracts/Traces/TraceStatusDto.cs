namespace AiNative.Portal.Client.Contracts.Traces;

public enum TraceStatusDto
{
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
    Running = 4,
}
