namespace AiNative.Portal.Client.Contracts.Audit;

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int TotalCount);
