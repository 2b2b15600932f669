namespace AiNative.Services.Platform.AccessTokens;

/// <summary>
/// A stored token as the access cache keeps it: what deciding on a presented token needs, and when
/// its use was last recorded, so that one request a minute (not every request of the cached second)
/// records it.
/// </summary>
internal sealed class KnownAccessToken(Guid id, Guid userId, DateTimeOffset expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lockoutEnd, DateTimeOffset? lastUsedAt)
{
    private long _lastUsedTicks = lastUsedAt?.UtcTicks ?? 0;

    public Guid Id { get; } = id;

    public Guid UserId { get; } = userId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset? RevokedAt { get; } = revokedAt;

    /// <summary>The owner's lockout end, for <see cref="Teams.AccountLocks.IsLockedByAdministrator"/>.</summary>
    public DateTimeOffset? LockoutEnd { get; } = lockoutEnd;

    /// <summary>True for the one caller that should record a use at <paramref name="now"/>: none was recorded within <paramref name="precision"/>.</summary>
    public bool TryClaimUseRecord(DateTimeOffset now, TimeSpan precision)
    {
        var last = Interlocked.Read(ref _lastUsedTicks);
        return now.UtcTicks - last > precision.Ticks
            && Interlocked.CompareExchange(ref _lastUsedTicks, now.UtcTicks, last) == last;
    }
}
