using System.Security.Claims;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Re-checks a circuit's user against the database every minute, so a deleted or locked account,
/// a changed password, or a changed membership or role ends the open session; the page then loads
/// again with the user's current rights.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    TeamContext circuitTeam) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (principalStamp != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        // The circuit entered its team once, with the role of that moment.
        return !circuitTeam.IsEntered
            || await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().StillHoldsAsync(circuitTeam.Access, cancellationToken);
    }
}
