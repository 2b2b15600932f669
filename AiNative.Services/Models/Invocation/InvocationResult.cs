namespace AiNative.Services.Models.Invocation;

/// <summary>What a chat call produced and what it cost.</summary>
public sealed record InvocationResult(
    Guid CallId,
    Guid ModelId,
    string ModelName,
    string Text,
    string? FinishReason,
    TokenUsage Usage,
    decimal Cost,
    TimeSpan? TimeToFirstToken,
    TimeSpan Latency);
