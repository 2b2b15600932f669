using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Members;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;

namespace AiNative.Portal.Admin;

/// <summary>Team administration in process; the services check that the caller is an administrator.</summary>
internal sealed class PortalAdminTeamsApi(TeamAdministration teams, TeamMembers members, CurrentPrincipal principal) : IAdminTeamsApi
{
    public async Task<IReadOnlyList<AdminTeamDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var list = await ServerApi.CallAsync(() => teams.ListAsync(callerId, cancellationToken));
        return list.Select(t => t.ToDto()).ToList();
    }

    public async Task<AdminTeamDto> CreateAsync(TeamNameRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var team = await ServerApi.CallAsync(() => teams.CreateAsync(callerId, request.Name ?? string.Empty, cancellationToken));
        return team.ToDto();
    }

    public async Task RenameAsync(Guid teamId, TeamNameRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => teams.RenameAsync(callerId, teamId, request.Name ?? string.Empty, cancellationToken));
    }

    public async Task DeleteAsync(Guid teamId, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => teams.DeleteAsync(callerId, teamId, cancellationToken));
    }

    public async Task<IReadOnlyList<TeamMemberDto>> ListMembersAsync(Guid teamId, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var list = await ServerApi.CallAsync(() => members.ListAsync(teamId, callerId, cancellationToken));
        return list.Select(m => m.ToDto()).ToList();
    }

    public async Task<TeamMemberDto> AddMemberAsync(Guid teamId, AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var member = await ServerApi.CallAsync(() => members.AddAsync(teamId, callerId, request.Email ?? string.Empty, request.Role.ToRole(), cancellationToken));
        return member.ToDto();
    }

    public async Task ChangeMemberRoleAsync(Guid teamId, Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => members.ChangeRoleAsync(teamId, callerId, userId, request.Role.ToRole(), cancellationToken));
    }

    public async Task RemoveMemberAsync(Guid teamId, Guid userId, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => members.RemoveAsync(teamId, callerId, userId, cancellationToken));
    }
}
