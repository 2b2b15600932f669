namespace AiNative.Portal.Client.Contracts.AccessTokens;

/// <summary>The new token and its secret, which cannot be shown again.</summary>
public sealed record CreatedAccessTokenDto(AccessTokenDto Token, string Secret);
