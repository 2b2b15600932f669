using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;

namespace AiNative.Portal.Members;

/// <summary>The current team's members, over <see cref="TeamMembers"/>, which checks the caller's rights itself.</summary>
internal sealed class PortalTeamMembersApi(TeamMembers members, TeamContext team, CurrentPrincipal principal) : ITeamMembersApi
{
    public async Task<IReadOnlyList<TeamMemberDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var list = await ServerApi.CallAsync(() => members.ListAsync(team.TeamId, callerId, cancellationToken));
        return list.Select(m => m.ToDto()).ToList();
    }

    public async Task<TeamMemberDto> AddAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var member = await ServerApi.CallAsync(() => members.AddAsync(team.TeamId, callerId, request.Email ?? string.Empty, request.Role.ToRole(), cancellationToken));
        return member.ToDto();
    }

    public async Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => members.ChangeRoleAsync(team.TeamId, callerId, userId, request.Role.ToRole(), cancellationToken));
    }

    public async Task RemoveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => members.RemoveAsync(team.TeamId, callerId, userId, cancellationToken));
    }
}
