namespace AiNative.Services.Traces.Scoring;

/// <summary>A score to collect: its name, type, and the range or categories values keep to.</summary>
public sealed record ScoreDefinitionInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public ScoreDataType DataType { get; init; } = ScoreDataType.Numeric;

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
}
