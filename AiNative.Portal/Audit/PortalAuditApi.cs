using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Portal.Platform;
using AiNative.Services.Platform.Audit;

namespace AiNative.Portal.Audit;

internal sealed class PortalAuditApi(AuditLog log, CurrentPrincipal principal) : IAuditApi
{
    public async Task<AuditPageDto> ListTeamAsync(AuditQueryDto query, CancellationToken cancellationToken = default) =>
        (await ServerApi.CallAsync(() => log.ListTeamAsync(query.ToFilter(), cancellationToken))).ToDto();

    public async Task<AuditChoicesDto> TeamChoicesAsync(CancellationToken cancellationToken = default) =>
        (await ServerApi.CallAsync(() => log.TeamChoicesAsync(cancellationToken))).ToDto();

    public async Task<AuditPageDto> ListPortalAsync(AuditQueryDto query, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        return (await ServerApi.CallAsync(() => log.ListPortalAsync(callerId, query.ToFilter(), cancellationToken))).ToDto();
    }

    public async Task<AuditChoicesDto> PortalChoicesAsync(CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        return (await ServerApi.CallAsync(() => log.PortalChoicesAsync(callerId, cancellationToken))).ToDto();
    }
}
