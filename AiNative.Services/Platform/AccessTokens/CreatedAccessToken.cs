namespace AiNative.Services.Platform.AccessTokens;

/// <summary>A new token with its secret, which the portal shows this once and cannot show again.</summary>
public sealed record CreatedAccessToken(AccessTokenInfo Token, string Secret);
