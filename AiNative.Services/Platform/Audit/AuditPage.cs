namespace AiNative.Services.Platform.Audit;

/// <summary>One page of entries, newest first, and how many match the filter in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, int TotalCount);
