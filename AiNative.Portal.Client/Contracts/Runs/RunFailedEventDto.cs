namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The run failed after its prompt was rendered, and is saved as failed; <see cref="Problem"/> says why and what to do.</summary>
public sealed record RunFailedEventDto(RunDetailsDto Run, ApiProblem Problem) : RunEventDto
{
    public override string EventType => Failed;
}
