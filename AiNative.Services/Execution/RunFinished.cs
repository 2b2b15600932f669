using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Execution;

/// <summary>
/// The run ended and is recorded; its trace's status says whether it succeeded, and
/// <paramref name="Failure"/> is what it failed with, when that was a failure the person can act on.
/// </summary>
public sealed record RunFinished(RunRecord Run, PortalException? Failure) : RunEvent;
