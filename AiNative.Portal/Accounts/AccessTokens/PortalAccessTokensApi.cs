using AiNative.Portal.Client.Contracts.AccessTokens;
using AiNative.Portal.Platform;
using AiNative.Services.Platform.AccessTokens;

namespace AiNative.Portal.Accounts.AccessTokens;

internal sealed class PortalAccessTokensApi(PersonalAccessTokens tokens, CurrentPrincipal principal, TimeProvider clock) : IAccessTokensApi
{
    public async Task<IReadOnlyList<AccessTokenDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var userId = await principal.RequireUserIdAsync();
        var list = await ServerApi.CallAsync(() => tokens.ListAsync(userId, cancellationToken));
        return list.Select(ToDto).ToList();
    }

    public async Task<CreatedAccessTokenDto> CreateAsync(CreateAccessTokenRequest request, CancellationToken cancellationToken = default)
    {
        var userId = await principal.RequireUserIdAsync();
        var created = await ServerApi.CallAsync(() => tokens.CreateAsync(userId, request.Name ?? string.Empty, request.LifetimeDays, cancellationToken));
        return new CreatedAccessTokenDto(ToDto(created.Token), created.Secret);
    }

    public async Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var userId = await principal.RequireUserIdAsync();
        await ServerApi.CallAsync(() => tokens.RevokeAsync(userId, tokenId, cancellationToken));
    }

    private AccessTokenDto ToDto(AccessTokenInfo token)
    {
        var state = token.RevokedAt is not null ? AccessTokenStateDto.Revoked
            : token.ExpiresAt <= clock.GetUtcNow() ? AccessTokenStateDto.Expired
            : AccessTokenStateDto.Active;
        return new AccessTokenDto(token.Id, token.Name, token.DisplayPrefix, state, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt);
    }
}
