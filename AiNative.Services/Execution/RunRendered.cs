using AiNative.Services.Traces;

namespace AiNative.Services.Execution;

/// <summary>
/// The prompt rendered; these messages go to the model. The run is recorded as trace <paramref name="RunId"/>
/// whatever happens next. <paramref name="Steps"/> are the observations so far: a retrieval, then the rendering.
/// </summary>
public sealed record RunRendered(Guid RunId, DateTimeOffset StartedAt, IReadOnlyList<TraceMessage> Messages, IReadOnlyList<Observation> Steps) : RunEvent;
