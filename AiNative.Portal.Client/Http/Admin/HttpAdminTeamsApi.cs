using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Members;

namespace AiNative.Portal.Client.Http.Admin;

internal sealed class HttpAdminTeamsApi(PortalApiClient api) : IAdminTeamsApi
{
    private const string Teams = "api/admin/teams";

    public Task<IReadOnlyList<AdminTeamDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<AdminTeamDto>>(Teams, cancellationToken);

    public Task<AdminTeamDto> CreateAsync(TeamNameRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<AdminTeamDto>(HttpMethod.Post, Teams, request, cancellationToken);

    public Task RenameAsync(Guid teamId, TeamNameRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Put, $"{Teams}/{teamId}", request, cancellationToken);

    public Task DeleteAsync(Guid teamId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, $"{Teams}/{teamId}", null, cancellationToken);

    public Task<IReadOnlyList<TeamMemberDto>> ListMembersAsync(Guid teamId, CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<TeamMemberDto>>($"{Teams}/{teamId}/members", cancellationToken);

    public Task<TeamMemberDto> AddMemberAsync(Guid teamId, AddMemberRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<TeamMemberDto>(HttpMethod.Post, $"{Teams}/{teamId}/members", request, cancellationToken);

    public Task ChangeMemberRoleAsync(Guid teamId, Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Put, $"{Teams}/{teamId}/members/{userId}", request, cancellationToken);

    public Task RemoveMemberAsync(Guid teamId, Guid userId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, $"{Teams}/{teamId}/members/{userId}", null, cancellationToken);
}
