namespace AiNative.Portal.Client.Contracts.Audit;

/// <summary>Filters (all optional) and the page to read, counted from 0.</summary>
public sealed record AuditQueryDto(
    Guid? ActorId = null,
    string? ObjectKind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 25);
