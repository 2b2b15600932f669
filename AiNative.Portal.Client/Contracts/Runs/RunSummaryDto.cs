namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// A saved run: what ran (a prompt version, or ad-hoc when <see cref="PromptName"/> is null), how it
/// ended, its tokens (the provider's, or the portal's count when <see cref="UsageEstimated"/>), cost
/// in US dollars, times in milliseconds, and the start of its untrusted output.
/// </summary>
public sealed record RunSummaryDto(
    Guid Id,
    Guid? PromptId,
    string? PromptName,
    int? PromptVersion,
    Guid ModelId,
    string ModelName,
    RunStatusDto Status,
    RunProblemDto? Problem,
    string? FinishReason,
    long InputTokens,
    long OutputTokens,
    bool UsageEstimated,
    decimal Cost,
    double? TimeToFirstTokenMs,
    double LatencyMs,
    string OutputPreview,
    string RunBy,
    DateTimeOffset StartedAt)
{
    /// <summary>"Support answer v2", or "Ad-hoc prompt".</summary>
    public string PromptLabel => PromptName is null ? "Ad-hoc prompt" : $"{PromptName} v{PromptVersion}";
}
