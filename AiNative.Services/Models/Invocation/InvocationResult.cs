using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>What a chat call produced and what it cost; <paramref name="CallId"/> is its generation in trace <paramref name="TraceId"/>.</summary>
public sealed record InvocationResult(
    Guid CallId,
    Guid TraceId,
    Guid ModelId,
    string ModelName,
    string Text,
    string? FinishReason,
    TokenUsage Usage,
    decimal Cost,
    TimeSpan? TimeToFirstToken,
    TimeSpan Latency)
{
    /// <summary>Functions the model asked to call instead of (or beside) answering in text.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];
}
