using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;

namespace AiNative.Portal.Tests.Components.Fakes;

/// <summary>Members kept in a list; records the requests it was sent.</summary>
public sealed class FakeTeamMembersApi : ITeamMembersApi
{
    public List<TeamMemberDto> Members { get; } =
    [
        new(Guid.CreateVersion7(), "Olu Owner", "olu@example.com", TeamRoleDto.Owner, DateTimeOffset.UnixEpoch),
        new(Guid.CreateVersion7(), "Vic Viewer", "vic@example.com", TeamRoleDto.Viewer, DateTimeOffset.UnixEpoch),
    ];

    public List<AddMemberRequest> Added { get; } = [];

    public Task<IReadOnlyList<TeamMemberDto>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TeamMemberDto>>(Members.ToList());

    public Task<TeamMemberDto> AddAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        Added.Add(request);
        var member = new TeamMemberDto(Guid.CreateVersion7(), request.Email, request.Email, request.Role, DateTimeOffset.UnixEpoch);
        Members.Add(member);
        return Task.FromResult(member);
    }

    public Task ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RemoveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        Members.RemoveAll(m => m.UserId == userId);
        return Task.CompletedTask;
    }
}
