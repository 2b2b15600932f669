namespace AiNative.Portal.Client.Contracts.Session;

/// <summary>A member's role in a team; a higher value includes what the lower ones may do.</summary>
public enum TeamRoleDto
{
    Viewer = 1,
    Editor = 2,
    Owner = 3,
}
