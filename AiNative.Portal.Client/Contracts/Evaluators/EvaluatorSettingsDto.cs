namespace AiNative.Portal.Client.Contracts.Evaluators;

/// <summary>An evaluator's settings; each kind reads the ones it needs and the rest stay empty.</summary>
public sealed record EvaluatorSettingsDto
{
    public string? Value { get; init; }

    public bool IgnoreCase { get; init; }

    public string? Pattern { get; init; }

    public string? Schema { get; init; }

    public string? Path { get; init; }

    public double? Tolerance { get; init; }

    public double? Threshold { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MaxLatencyMs { get; init; }

    public decimal? MaxCost { get; init; }

    public Guid? ModelId { get; init; }

    public Guid? PromptId { get; init; }

    public int? PromptVersion { get; init; }

    public string? PromptLabel { get; init; }

    public int? TopK { get; init; }
}
