using AiNative.Services.Traces;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>A chat call to a registered model of the current team.</summary>
public sealed record ChatInvocation
{
    public required Guid ModelId { get; init; }

    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Settings of this call; unset values come from the model's defaults.</summary>
    public GenerationSettings Settings { get; init; } = new();

    /// <summary>Functions the model may call; the caller runs them (the gateway passes them through to its application).</summary>
    public IReadOnlyList<AITool> Tools { get; init; } = [];

    public ChatToolMode? ToolMode { get; init; }

    /// <summary>A response format beyond the settings' text or JSON, such as a JSON Schema; wins over <see cref="GenerationSettings.ResponseFormat"/>.</summary>
    public ChatResponseFormat? ResponseFormat { get; init; }

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Who calls; a call without a <see cref="Trace"/> is recorded as a trace of its own from this source.</summary>
    public required TraceSource Source { get; init; }

    /// <summary>The trace the call belongs to, and the observation it nests under; null records the call as its own trace.</summary>
    public ActiveTrace? Trace { get; init; }

    public Guid? ParentId { get; init; }
}
