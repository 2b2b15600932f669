namespace AiNative.Services.Platform.AccessTokens;

public enum AccessTokenStatus
{
    Valid = 1,

    /// <summary>Unknown, revoked, or of an account that is locked or gone: callers are told no more than that.</summary>
    InvalidOrRevoked = 2,

    Expired = 3,
}
