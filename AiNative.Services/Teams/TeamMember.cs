namespace AiNative.Services.Teams;

public sealed record TeamMember(Guid UserId, string DisplayName, string Email, TeamRole Role, DateTimeOffset Since);
