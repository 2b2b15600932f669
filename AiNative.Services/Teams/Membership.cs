namespace AiNative.Services.Teams;

public sealed record Membership(Guid TeamId, string TeamName, string TeamSlug, TeamRole Role);
