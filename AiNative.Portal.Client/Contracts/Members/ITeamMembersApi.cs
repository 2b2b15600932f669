namespace AiNative.Portal.Client.Contracts.Members;

/// <summary>The members of the current team. Every member may read them; only owners change them.</summary>
public interface ITeamMembersApi
{
    Task<IReadOnlyList<TeamMemberDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<TeamMemberDto> AddAsync(AddMemberRequest request, CancellationToken cancellationToken = default);

    Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default);

    Task RemoveAsync(Guid userId, CancellationToken cancellationToken = default);
}
