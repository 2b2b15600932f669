namespace AiNative.Services.Runs;

/// <summary>A run as the history lists it: what ran, how it ended, its numbers, and the start of its output.</summary>
public sealed record RunSummary(
    Guid Id,
    Guid? PromptId,
    string? PromptName,
    int? PromptVersion,
    Guid ModelId,
    string ModelName,
    RunStatus Status,
    string? ProblemTitle,
    string? ProblemDetail,
    string? FinishReason,
    long InputTokens,
    long OutputTokens,
    bool UsageEstimated,
    decimal Cost,
    double? TimeToFirstTokenMs,
    double LatencyMs,
    string OutputPreview,
    string ActorName,
    DateTimeOffset StartedAt);
