namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One item run by one variant: its state, its output (untrusted text) or why it has none, its measures, its trace and its evaluations.</summary>
public sealed record ExperimentCellDto(
    Guid Id,
    Guid VariantId,
    int VariantPosition,
    CellStatusDto Status,
    string? Output,
    string? Error,
    double? LatencyMs,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    Guid? TraceId,
    IReadOnlyList<CellEvaluationDto> Evaluations);
