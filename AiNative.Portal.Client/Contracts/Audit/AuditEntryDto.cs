namespace AiNative.Portal.Client.Contracts.Audit;

public sealed record AuditEntryDto(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorId,
    string ActorName,
    AuditActionDto Action,
    string ObjectKind,
    string? ObjectId,
    string ObjectName,
    string Summary);
