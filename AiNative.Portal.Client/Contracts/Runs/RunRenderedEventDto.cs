namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The prompt rendered to these messages, which go to the model; the run will be saved as <see cref="RunId"/>.</summary>
public sealed record RunRenderedEventDto(Guid RunId, IReadOnlyList<RunMessageDto> Messages) : RunEventDto
{
    public override string EventType => Rendered;
}
