namespace AiNative.Portal.Client.Contracts.AccessTokens;

/// <summary>
/// The signed-in user's personal access tokens for the REST API. Managed from a browser session
/// only: a token cannot mint or revoke tokens.
/// </summary>
public interface IAccessTokensApi
{
    Task<IReadOnlyList<AccessTokenDto>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a token; <see cref="CreatedAccessTokenDto.Secret"/> is returned this once.</summary>
    Task<CreatedAccessTokenDto> CreateAsync(CreateAccessTokenRequest request, CancellationToken cancellationToken = default);

    Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default);
}
