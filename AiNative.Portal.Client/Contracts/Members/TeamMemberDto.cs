using AiNative.Portal.Client.Contracts.Session;

namespace AiNative.Portal.Client.Contracts.Members;

public sealed record TeamMemberDto(Guid UserId, string DisplayName, string Email, TeamRoleDto Role, DateTimeOffset Since);
