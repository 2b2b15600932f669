namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// The attempt that succeeded: its result, its candidate (target and model), and the token source that cancels it. The
/// owner disposes the source when done, which for a stream is after its last update (the client's cancellation flows through it).
/// </summary>
public sealed record AttemptOutcome<T>(T Result, GatewayCandidate Candidate, CancellationTokenSource Cancellation);
