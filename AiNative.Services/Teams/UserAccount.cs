namespace AiNative.Services.Teams;

/// <summary>An account as administrators see it. It never carries a password or its hash.</summary>
public sealed record UserAccount(
    Guid Id,
    string DisplayName,
    string Email,
    bool IsAdministrator,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword,
    bool HasPassword,
    int TeamCount,
    DateTimeOffset CreatedAt);
