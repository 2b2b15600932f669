namespace AiNative.Services.Traces.Ingestion;

/// <summary>A trace an application recorded itself. Only <see cref="Name"/> and <see cref="StartedAt"/> are required.</summary>
public sealed record IngestedTrace
{
    /// <summary>The application's id for it (to add observations later, or update it); a new id when left out.</summary>
    public Guid? Id { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public TraceStatus? Status { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public string? UserId { get; init; }

    public string? SessionId { get; init; }
}
