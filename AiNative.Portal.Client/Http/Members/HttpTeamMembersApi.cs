using AiNative.Portal.Client.Contracts.Members;

namespace AiNative.Portal.Client.Http.Members;

internal sealed class HttpTeamMembersApi(PortalApiClient api) : ITeamMembersApi
{
    public Task<IReadOnlyList<TeamMemberDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<TeamMemberDto>>(api.TeamPath("members"), cancellationToken);

    public Task<TeamMemberDto> AddAsync(AddMemberRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<TeamMemberDto>(HttpMethod.Post, api.TeamPath("members"), request, cancellationToken);

    public Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Put, api.TeamPath($"members/{userId}"), request, cancellationToken);

    public Task RemoveAsync(Guid userId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, api.TeamPath($"members/{userId}"), null, cancellationToken);
}
