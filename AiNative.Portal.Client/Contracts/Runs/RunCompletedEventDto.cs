namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The answer is complete and the run saved.</summary>
public sealed record RunCompletedEventDto(RunSummaryDto Run) : RunEventDto
{
    public override string EventType => Completed;
}
