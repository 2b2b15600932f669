namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>A trace as the list shows it: tokens and cost are the sums of its model calls; the output preview is untrusted.</summary>
public sealed record TraceSummaryDto(
    Guid Id,
    TraceSourceDto Source,
    string Name,
    TraceStatusDto Status,
    DateTimeOffset StartedAt,
    double LatencyMs,
    Guid? PromptId,
    string? PromptName,
    int? PromptVersion,
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
    string? Feedback = null);
