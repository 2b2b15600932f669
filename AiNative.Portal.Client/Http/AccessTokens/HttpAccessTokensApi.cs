using AiNative.Portal.Client.Contracts.AccessTokens;

namespace AiNative.Portal.Client.Http.AccessTokens;

internal sealed class HttpAccessTokensApi(PortalApiClient api) : IAccessTokensApi
{
    private const string Tokens = "api/account/tokens";

    public Task<IReadOnlyList<AccessTokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<AccessTokenDto>>(Tokens, cancellationToken);

    public Task<CreatedAccessTokenDto> CreateAsync(CreateAccessTokenRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<CreatedAccessTokenDto>(HttpMethod.Post, Tokens, request, cancellationToken);

    public Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, $"{Tokens}/{tokenId}", null, cancellationToken);
}
