using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiNative.Portal.Platform;

/// <summary>
/// The signed-in user of the current scope. An HTTP request (API call, static page) brings its
/// own user; a Blazor circuit has no request, so the user comes from its authentication state.
/// </summary>
public sealed class CurrentPrincipal(AuthenticationStateProvider authenticationState)
{
    internal ClaimsPrincipal? FromRequest { get; set; }

    public async Task<ClaimsPrincipal> GetAsync() =>
        FromRequest ?? (await authenticationState.GetAuthenticationStateAsync()).User;

    /// <summary>The user's id, or null when nobody is signed in.</summary>
    public async Task<Guid?> GetUserIdAsync() => (await GetAsync()).GetUserId();

    /// <summary>The user's id; a "not signed in" problem when nobody is.</summary>
    public async Task<Guid> RequireUserIdAsync() => await GetUserIdAsync() ?? throw PortalProblems.Unauthenticated();
}
