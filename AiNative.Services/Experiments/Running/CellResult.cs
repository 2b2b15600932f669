namespace AiNative.Services.Experiments.Running;

/// <summary>What a cell's run left: its output or error, its trace, measures and evaluations.</summary>
internal sealed record CellResult
{
    public string? Output { get; init; }

    public string? Error { get; init; }

    public Guid? TraceId { get; init; }

    public double? LatencyMs { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public decimal Cost { get; init; }

    public List<CellEvaluation> Evaluations { get; init; } = [];

    public DateTimeOffset StartedAt { get; init; }
}
