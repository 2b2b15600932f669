namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// One variant's cells by state, latency percentiles of its succeeded cells, tokens, cost, each evaluator's figures, and
/// its succeeded cells per latency bucket.
/// </summary>
public sealed record VariantSummaryDto(
    Guid VariantId,
    string Name,
    bool IsBaseline,
    int Cells,
    int Succeeded,
    int Failed,
    int Skipped,
    int Cancelled,
    int Waiting,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    IReadOnlyList<ScoreSummaryDto> Scores,
    IReadOnlyList<int> LatencyCounts);
