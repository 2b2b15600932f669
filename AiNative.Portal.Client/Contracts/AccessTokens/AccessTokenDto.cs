namespace AiNative.Portal.Client.Contracts.AccessTokens;

public sealed record AccessTokenDto(
    Guid Id,
    string Name,
    string DisplayPrefix,
    AccessTokenStateDto State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);
