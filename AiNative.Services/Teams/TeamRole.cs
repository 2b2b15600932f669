namespace AiNative.Services.Teams;

/// <summary>A member's role in one team; a higher value includes what the lower ones may do.</summary>
public enum TeamRole
{
    /// <summary>Reads everything of the team and runs the playground; changes nothing.</summary>
    Viewer = 1,

    /// <summary>Creates and changes models, prompts, knowledge and experiments.</summary>
    Editor = 2,

    /// <summary>Also manages members, keys and the team's settings.</summary>
    Owner = 3,
}
