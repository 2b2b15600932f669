namespace AiNative.Services.Experiments.Results;

/// <summary>
/// One variant's figures: its cells by state, latency percentiles (p50, p95) of the cells that succeeded, tokens,
/// cost (failed and retried calls included), each evaluator's <see cref="ScoreSummary"/>, and how many succeeded cells
/// fall in each of the experiment's <see cref="LatencyBuckets"/>.
/// </summary>
public sealed record VariantSummary(
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
    IReadOnlyList<ScoreSummary> Scores,
    IReadOnlyList<int> LatencyCounts);
