namespace AiNative.Services.Traces.Queries;

/// <summary>
/// A trace as lists show it: what ran, how it ended, its numbers, the start of its output, and the latest
/// user feedback on it (the value of its <c>user-feedback</c> score).
/// </summary>
public sealed record TraceListItem(
    Guid Id,
    TraceSource Source,
    string Name,
    TraceStatus Status,
    DateTimeOffset StartedAt,
    double LatencyMs,
    Guid? PromptId,
    string? PromptName,
    int? PromptVersion,
    Guid? ModelId,
    string? ModelName,
    long InputTokens,
    long OutputTokens,
    bool UsageEstimated,
    decimal Cost,
    double? TimeToFirstTokenMs,
    string? FinishReason,
    string? ProblemTitle,
    string? ProblemDetail,
    string? ActorName,
    string? UserId,
    string? SessionId,
    IReadOnlyList<string> Tags,
    string OutputPreview,
    string? Feedback);
