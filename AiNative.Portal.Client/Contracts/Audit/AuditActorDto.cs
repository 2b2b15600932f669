namespace AiNative.Portal.Client.Contracts.Audit;

public sealed record AuditActorDto(Guid Id, string Name);
