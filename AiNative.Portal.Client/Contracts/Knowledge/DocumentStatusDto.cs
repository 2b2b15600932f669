namespace AiNative.Portal.Client.Contracts.Knowledge;

public enum DocumentStatusDto
{
    Queued = 1,
    Processing = 2,
    Ready = 3,
    Failed = 4,
}
