namespace AiNative.Services.Teams.SingleSignOn;

/// <summary>
/// A person as the identity provider vouches for them after a single sign-on.
/// <see cref="TeamClaimValues"/> is null when no teams claim is configured (memberships are then
/// managed in the portal), and empty when it is configured but the person has no teams.
/// </summary>
public sealed record ExternalIdentity(
    string Provider,
    string ProviderDisplayName,
    string ProviderKey,
    string? Email,
    bool EmailVerified,
    string? DisplayName,
    IReadOnlyCollection<string>? TeamClaimValues);
