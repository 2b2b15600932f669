namespace AiNative.Portal.Client.Contracts.Audit;

/// <summary>
/// The audit trail: the current team's (for its members), and the portal-wide one of teams,
/// accounts and access tokens (for administrators). Newest first.
/// </summary>
public interface IAuditApi
{
    Task<AuditPageDto> ListTeamAsync(AuditQueryDto query, CancellationToken cancellationToken = default);

    Task<AuditChoicesDto> TeamChoicesAsync(CancellationToken cancellationToken = default);

    Task<AuditPageDto> ListPortalAsync(AuditQueryDto query, CancellationToken cancellationToken = default);

    Task<AuditChoicesDto> PortalChoicesAsync(CancellationToken cancellationToken = default);
}
