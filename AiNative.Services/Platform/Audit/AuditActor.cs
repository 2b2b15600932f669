namespace AiNative.Services.Platform.Audit;

public sealed record AuditActor(Guid Id, string Name);
