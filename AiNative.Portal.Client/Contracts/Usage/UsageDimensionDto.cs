namespace AiNative.Portal.Client.Contracts.Usage;

public enum UsageDimensionDto
{
    Model = 1,
    Caller = 2,
    Route = 3,
    Prompt = 4,
    Source = 5,
}
