namespace AiNative.Portal.Client.Contracts.Experiments;

public enum ExperimentStatusDto
{
    Draft = 1,
    Running = 2,
    Completed = 3,
    Cancelled = 4,
    StoppedByCap = 5,
}
