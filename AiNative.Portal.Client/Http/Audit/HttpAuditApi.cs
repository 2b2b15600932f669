using AiNative.Portal.Client.Contracts.Audit;

namespace AiNative.Portal.Client.Http.Audit;

internal sealed class HttpAuditApi(PortalApiClient api) : IAuditApi
{
    public Task<AuditPageDto> ListTeamAsync(AuditQueryDto query, CancellationToken cancellationToken = default) =>
        api.GetAsync<AuditPageDto>(api.TeamPath($"audit{AuditQueryString.Of(query)}"), cancellationToken);

    public Task<AuditChoicesDto> TeamChoicesAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<AuditChoicesDto>(api.TeamPath("audit/choices"), cancellationToken);

    public Task<AuditPageDto> ListPortalAsync(AuditQueryDto query, CancellationToken cancellationToken = default) =>
        api.GetAsync<AuditPageDto>($"api/admin/audit{AuditQueryString.Of(query)}", cancellationToken);

    public Task<AuditChoicesDto> PortalChoicesAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<AuditChoicesDto>("api/admin/audit/choices", cancellationToken);
}
