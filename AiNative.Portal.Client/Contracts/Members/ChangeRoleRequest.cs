using AiNative.Portal.Client.Contracts.Session;

namespace AiNative.Portal.Client.Contracts.Members;

public sealed record ChangeRoleRequest(TeamRoleDto Role);
