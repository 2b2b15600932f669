namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// The prompt rendered to these messages, which go to the model; the run will be saved as
/// <see cref="RunId"/>. <see cref="Spans"/> are the steps so far: the retrieval, if any, and the rendering.
/// </summary>
public sealed record RunRenderedEventDto(Guid RunId, IReadOnlyList<RunMessageDto> Messages, IReadOnlyList<RunSpanDto>? Spans = null) : RunEventDto
{
    public override string EventType => Rendered;
}
