using AiNative.Services.Teams;

namespace AiNative.Services.Models.Invocation;

/// <summary>
/// One call to a model, whoever made it (playground, knowledge, experiments, gateway): the record
/// that usage and cost reports add up. It keeps no prompt or answer text.
/// </summary>
public sealed class ModelCall : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>The model called; kept as plain data so a deleted model's history stays.</summary>
    public Guid ModelId { get; set; }

    public required string ModelName { get; set; }

    public ModelKind Kind { get; set; }

    public InvocationSource Source { get; set; }

    public CallStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double LatencyMs { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public bool UsageEstimated { get; set; }

    public decimal Cost { get; set; }

    public string? FinishReason { get; set; }

    /// <summary>The failure's kind and provider status, never its text (it may quote the request).</summary>
    public string? Error { get; set; }

    public Guid? ActorId { get; set; }
}
