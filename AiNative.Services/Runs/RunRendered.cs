namespace AiNative.Services.Runs;

/// <summary>
/// The prompt rendered; these messages go to the model. The run is saved under <paramref name="RunId"/>
/// whatever happens next. <paramref name="Spans"/> are the steps so far: a retrieval, then the rendering.
/// </summary>
public sealed record RunRendered(Guid RunId, IReadOnlyList<RunMessage> Messages, IReadOnlyList<RunSpan> Spans) : RunEvent;
