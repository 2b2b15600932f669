namespace AiNative.Services.Teams;

/// <summary>Who performs an action, for the audit trail and for "created by".</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static Actor System { get; } = new(null, "system");
}
