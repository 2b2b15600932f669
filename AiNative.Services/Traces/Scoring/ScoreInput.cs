namespace AiNative.Services.Traces.Scoring;

/// <summary>
/// A score to give a trace (or one of its observations): a number for numeric scores, 1/0 or
/// "true"/"false" for boolean ones, a category's name for categorical ones.
/// </summary>
public sealed record ScoreInput
{
    public string? Name { get; init; }

    public double? Value { get; init; }

    public string? StringValue { get; init; }

    public string? Comment { get; init; }

    public Guid? ObservationId { get; init; }
}
