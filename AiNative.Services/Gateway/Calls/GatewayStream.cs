using AiNative.Services.Models.Invocation;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// A streamed answer that has started: which model is answering after which attempts (known before the first
/// byte is sent, so they go in the headers), and the updates from the first on. Reading to the end ends the trace;
/// stopping early (a client that went away) cancels the upstream call and records that.
/// </summary>
public sealed record GatewayStream(
    Guid TraceId,
    string Name,
    string? Route,
    string Target,
    int? PromptVersion,
    IReadOnlyList<GatewayAttempt> Attempts,
    bool CacheHit,
    IAsyncEnumerable<InvocationUpdate> Updates);
