namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The answer is complete and the run recorded, as <see cref="Run"/> shows it; nothing needs reading again.</summary>
public sealed record RunCompletedEventDto(RunDetailsDto Run) : RunEventDto
{
    public override string EventType => Completed;
}
