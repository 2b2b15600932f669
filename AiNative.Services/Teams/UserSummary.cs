namespace AiNative.Services.Teams;

public sealed record UserSummary(Guid Id, string DisplayName, string Email, bool IsAdministrator, bool MustChangePassword);
