using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Runs;

/// <summary>
/// The run ended and is saved; <see cref="PromptRun.Status"/> says whether it succeeded, and
/// <paramref name="Failure"/> is what it failed with, when that was a failure the person can act on.
/// </summary>
public sealed record RunFinished(PromptRun Run, PortalException? Failure) : RunEvent;
