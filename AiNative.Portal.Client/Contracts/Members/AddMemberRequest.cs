using AiNative.Portal.Client.Contracts.Session;

namespace AiNative.Portal.Client.Contracts.Members;

/// <summary>Adds the account with <see cref="Email"/> to the team; administrators create accounts.</summary>
public sealed record AddMemberRequest(string Email, TeamRoleDto Role);
