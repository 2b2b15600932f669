namespace AiNative.Services.Evaluation.Definitions;

/// <summary>
/// The settings of an evaluator definition; each kind reads the ones it needs (<see cref="EvaluatorSettingsRules"/>
/// says which) and the rest stay empty.
/// </summary>
public sealed record EvaluatorSettings
{
    /// <summary>The text or value to compare with; empty compares with the item's expected output.</summary>
    public string? Value { get; init; }

    public bool IgnoreCase { get; init; }

    /// <summary>A .NET regular expression (regex).</summary>
    public string? Pattern { get; init; }

    /// <summary>A JSON Schema document (JSON Schema).</summary>
    public string? Schema { get; init; }

    /// <summary>A JSON path such as <c>$.items[0].name</c> (JSON field equals).</summary>
    public string? Path { get; init; }

    /// <summary>The largest absolute difference that still passes (numeric within tolerance).</summary>
    public double? Tolerance { get; init; }

    /// <summary>The score at which a graded evaluator passes; each kind has a default.</summary>
    public double? Threshold { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MaxLatencyMs { get; init; }

    /// <summary>US dollars (cost under).</summary>
    public decimal? MaxCost { get; init; }

    /// <summary>The embedding model (embedding similarity) or the judge's chat model instead of the rubric version's.</summary>
    public Guid? ModelId { get; init; }

    /// <summary>The rubric prompt of a judge.</summary>
    public Guid? PromptId { get; init; }

    /// <summary>A fixed rubric version; empty follows <see cref="PromptLabel"/>.</summary>
    public int? PromptVersion { get; init; }

    /// <summary>The rubric's label to follow (production when empty and no version is fixed).</summary>
    public string? PromptLabel { get; init; }

    /// <summary>How many retrieved passages count (hit rate, MRR); empty counts all.</summary>
    public int? TopK { get; init; }
}
