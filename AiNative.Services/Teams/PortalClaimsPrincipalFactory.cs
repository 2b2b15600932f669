using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Teams;

/// <summary>
/// The claims of a signed-in user: Identity's own, plus a flag while the password must be changed.
/// Roles in teams are not claims: they are read from the database on every request, so a change
/// takes effect at once.
/// </summary>
internal sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
