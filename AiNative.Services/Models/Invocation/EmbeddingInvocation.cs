using AiNative.Services.Traces;

namespace AiNative.Services.Models.Invocation;

/// <summary>An embedding call to a registered model of the current team.</summary>
public sealed record EmbeddingInvocation
{
    public required Guid ModelId { get; init; }

    public required IReadOnlyList<string> Texts { get; init; }

    /// <summary>Each text's tokens, when the caller counted them already; the call then counts none again.</summary>
    public IReadOnlyList<int>? TokenCounts { get; init; }

    /// <summary>Who calls; a call without a <see cref="Trace"/> is recorded as a trace of its own from this source.</summary>
    public required TraceSource Source { get; init; }

    public ActiveTrace? Trace { get; init; }

    public Guid? ParentId { get; init; }
}
