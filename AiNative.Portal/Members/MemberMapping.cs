using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Services.Teams;

namespace AiNative.Portal.Members;

internal static class MemberMapping
{
    public static TeamMemberDto ToDto(this TeamMember member) =>
        new(member.UserId, member.DisplayName, member.Email, (TeamRoleDto)member.Role, member.Since);

    public static TeamRole ToRole(this TeamRoleDto role) => (TeamRole)role;
}
