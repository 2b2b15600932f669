using AiNative.Portal.Client.Contracts.Members;

namespace AiNative.Portal.Client.Contracts.Admin;

/// <summary>Teams, for administrators: create, rename, delete, and manage any team's members.</summary>
public interface IAdminTeamsApi
{
    Task<IReadOnlyList<AdminTeamDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<AdminTeamDto> CreateAsync(TeamNameRequest request, CancellationToken cancellationToken = default);

    Task RenameAsync(Guid teamId, TeamNameRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes the team with everything it owns; its audit trail is kept.</summary>
    Task DeleteAsync(Guid teamId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TeamMemberDto>> ListMembersAsync(Guid teamId, CancellationToken cancellationToken = default);

    Task<TeamMemberDto> AddMemberAsync(Guid teamId, AddMemberRequest request, CancellationToken cancellationToken = default);

    Task ChangeMemberRoleAsync(Guid teamId, Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default);

    Task RemoveMemberAsync(Guid teamId, Guid userId, CancellationToken cancellationToken = default);
}
