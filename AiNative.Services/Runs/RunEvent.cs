using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Runs;

/// <summary>What a run reports while it runs: its messages, the answer in pieces, then how it ended.</summary>
public abstract record RunEvent;

/// <summary>The prompt rendered; these messages go to the model. The run is saved under <paramref name="RunId"/> whatever happens next.</summary>
public sealed record RunRendered(Guid RunId, IReadOnlyList<RunMessage> Messages) : RunEvent;

public sealed record RunDelta(string Text) : RunEvent;

/// <summary>The run ended and is saved; <see cref="PromptRun.Status"/> says whether it succeeded.</summary>
public sealed record RunFinished(PromptRun Run, PortalException? Failure) : RunEvent;
