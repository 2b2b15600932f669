namespace AiNative.Services.Platform.Audit;

public sealed record AuditRecord(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorId,
    string ActorName,
    AuditAction Action,
    string ObjectKind,
    string? ObjectId,
    string ObjectName,
    string Summary);
