namespace AiNative.Portal.Client.Contracts.Experiments;

public enum CellStatusDto
{
    Pending = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    SkippedByCap = 5,
    Cancelled = 6,
}
