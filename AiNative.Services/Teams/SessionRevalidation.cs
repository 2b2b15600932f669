using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Teams;

/// <summary>
/// Whether a long-lived session (a Blazor circuit) may go on as it started: the account still
/// exists, no administrator has locked it, its password and sign-ins are unchanged (the security
/// stamp), and the team it entered still gives it the same role. Failed sign-ins do not end a
/// session: they lock the password, not the person already in.
/// </summary>
public sealed class SessionRevalidation(UserManager<PortalUser> users, IOptions<IdentityOptions> options, TeamAccessResolver teams)
{
    public async Task<bool> StillValidAsync(ClaimsPrincipal principal, TeamAccess? enteredTeam, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || AccountLocks.IsLockedByAdministrator(user.LockoutEnd))
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (principalStamp != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        return enteredTeam is null || await teams.StillHoldsAsync(enteredTeam, cancellationToken);
    }
}
