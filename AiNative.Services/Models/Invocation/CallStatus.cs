namespace AiNative.Services.Models.Invocation;

public enum CallStatus
{
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}
