namespace AiNative.Services.Platform.Audit;

/// <summary>One recorded change: who, when, what, and a short before/after summary (never a secret).</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The team the object belongs to; null for portal-wide changes (users, teams).</summary>
    public Guid? TeamId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The kind of object, such as "Provider", "Model", "Prompt", "Label", "Member".</summary>
    public required string ObjectKind { get; set; }

    public string? ObjectId { get; set; }

    public required string ObjectName { get; set; }

    public required string Summary { get; set; }
}
