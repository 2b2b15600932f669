namespace AiNative.Services.Platform.AccessTokens;

/// <summary>A token as its owner sees it later: never its secret.</summary>
public sealed record AccessTokenInfo(
    Guid Id,
    string Name,
    string DisplayPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);
