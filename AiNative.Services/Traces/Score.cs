using AiNative.Services.Teams;

namespace AiNative.Services.Traces;

/// <summary>
/// A judgement of a trace or one of its observations, from an evaluator, a person or an application:
/// one table for experiments, human review and feedback alike.
/// </summary>
public sealed class Score : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid TraceId { get; set; }

    public Guid? ObservationId { get; set; }

    /// <summary>The <see cref="ScoreDefinition"/> it follows.</summary>
    public required string Name { get; set; }

    public ScoreDataType DataType { get; set; }

    /// <summary>The number; 1 or 0 for a boolean; null for a category.</summary>
    public double? NumericValue { get; set; }

    /// <summary>The category, or "true"/"false" for a boolean.</summary>
    public string? StringValue { get; set; }

    public ScoreSource Source { get; set; }

    /// <summary>The evaluator's name and version, for scores an evaluator gave.</summary>
    public string? EvaluatorName { get; set; }

    public int? EvaluatorVersion { get; set; }

    public Guid? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
