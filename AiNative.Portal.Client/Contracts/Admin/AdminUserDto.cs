namespace AiNative.Portal.Client.Contracts.Admin;

/// <summary>An account as administrators see it; <see cref="HasPassword"/> is false for single sign-on accounts.</summary>
public sealed record AdminUserDto(
    Guid Id,
    string DisplayName,
    string Email,
    bool IsAdministrator,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword,
    bool HasPassword,
    int TeamCount,
    DateTimeOffset CreatedAt)
{
    public bool IsLocked => LockedUntil is not null;
}
