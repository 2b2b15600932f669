using AiNative.Services.Teams;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Re-checks a circuit's user every minute (<see cref="SessionRevalidation"/>). A session that no
/// longer holds becomes anonymous: the page sends the browser to sign-in, which passes a user whose
/// cookie still holds straight back, so a changed role shows on a fresh page with current rights.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    TeamContext circuitTeam) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionRevalidation>().StillValidAsync(
            authenticationState.User, circuitTeam.IsEntered ? circuitTeam.Access : null, cancellationToken);
    }
}
