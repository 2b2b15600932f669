using AiNative.Portal.Client.Contracts.Session;

namespace AiNative.Portal.Client.Http;

internal sealed class HttpSessionApi(PortalApiClient api) : ISessionApi
{
    public Task<SessionDto> GetAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<SessionDto>("api/session", cancellationToken);

    public Task SwitchTeamAsync(Guid teamId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Post, "api/session/team", new SwitchTeamRequest(teamId), cancellationToken);
}
