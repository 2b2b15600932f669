namespace AiNative.Services.Teams;

public sealed class TeamMembership
{
    public Guid TeamId { get; set; }

    public Team Team { get; set; } = null!;

    public Guid UserId { get; set; }

    public PortalUser User { get; set; } = null!;

    public TeamRole Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
