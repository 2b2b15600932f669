using AiNative.Services.Teams;

namespace AiNative.Services.Platform.AccessTokens;

/// <summary>
/// A token a user creates to call the REST API as themself. Only the SHA-256 hash of its secret
/// is stored; the secret is shown once, at creation.
/// </summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public PortalUser User { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret; unique, and how a presented token is found.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The secret's first characters, such as <c>ainp_Xy3kQ9</c>, so people can tell tokens apart.</summary>
    public required string DisplayPrefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
