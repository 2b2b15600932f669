namespace AiNative.Services.Platform.Audit;

/// <summary>Which audit entries to show: every filter is optional; pages count from 0.</summary>
public sealed record AuditFilter(
    Guid? ActorId = null,
    string? ObjectKind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = AuditFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 200;
}
