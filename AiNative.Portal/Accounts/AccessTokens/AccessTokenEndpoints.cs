using AiNative.Portal.Client.Contracts.AccessTokens;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Accounts.AccessTokens;

public static class AccessTokenEndpoints
{
    public static IEndpointRouteBuilder MapAccessTokensApi(this IEndpointRouteBuilder endpoints)
    {
        // A token must not mint or revoke tokens: a leaked one could otherwise outlive its own revocation.
        var tokens = endpoints.MapGroup($"{ApiRoutes.Root}/account/tokens")
            .RequireAuthorization(PortalPolicies.BrowserSession)
            .WithTags("Access tokens");
        tokens.MapGet("", ListAsync).WithName("ListAccessTokens").WithSummary("The caller's personal access tokens (never their secrets)");
        tokens.MapPost("", CreateAsync).WithName("CreateAccessToken").WithSummary("Create a personal access token; its secret is returned this once");
        tokens.MapDelete("{tokenId:guid}", RevokeAsync).WithName("RevokeAccessToken").WithSummary("Revoke one of the caller's tokens");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<AccessTokenDto>>> ListAsync(IAccessTokensApi tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(cancellationToken));

    private static async Task<Ok<CreatedAccessTokenDto>> CreateAsync(CreateAccessTokenRequest request, IAccessTokensApi tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.CreateAsync(request, cancellationToken));

    private static async Task<NoContent> RevokeAsync(Guid tokenId, IAccessTokensApi tokens, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(tokenId, cancellationToken);
        return TypedResults.NoContent();
    }
}
