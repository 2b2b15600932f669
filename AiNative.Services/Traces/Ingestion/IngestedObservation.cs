namespace AiNative.Services.Traces.Ingestion;

/// <summary>
/// An observation an application recorded itself, in a trace of the same batch or one already sent.
/// <see cref="Model"/> names a registered model to price the usage when no <see cref="Cost"/> is given.
/// </summary>
public sealed record IngestedObservation
{
    public Guid? Id { get; init; }

    public Guid? TraceId { get; init; }

    public Guid? ParentId { get; init; }

    public ObservationType? Type { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public TraceStatus? Status { get; init; }

    public string? Model { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public decimal? Cost { get; init; }

    public double? TimeToFirstTokenMs { get; init; }

    public string? FinishReason { get; init; }

    public string? Error { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
