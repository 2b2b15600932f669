namespace AiNative.Services.Platform.AccessTokens;

/// <summary>What a presented token turned out to be; <see cref="UserId"/> is set only when it is valid.</summary>
public sealed record AccessTokenCheck(AccessTokenStatus Status, Guid? UserId = null, Guid? TokenId = null, DateTimeOffset? ExpiredAt = null)
{
    public static AccessTokenCheck InvalidOrRevoked { get; } = new(AccessTokenStatus.InvalidOrRevoked);
}
