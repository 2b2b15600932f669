namespace AiNative.Services.Models.Invocation;

/// <summary>One vector per input text, in input order, with the call's usage and cost; <paramref name="CallId"/> is its observation.</summary>
public sealed record EmbeddingResult(
    Guid CallId,
    IReadOnlyList<ReadOnlyMemory<float>> Vectors,
    TokenUsage Usage,
    decimal Cost,
    TimeSpan Latency);
