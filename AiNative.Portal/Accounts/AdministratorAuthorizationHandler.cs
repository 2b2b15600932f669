using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Authorization;

namespace AiNative.Portal.Accounts;

/// <summary>
/// Asks the database (not the cookie, which may be hours old) whether the user is an administrator,
/// so a revoked administrator loses access on their next request.
/// </summary>
internal sealed class AdministratorAuthorizationHandler(UserTeams userTeams) : AuthorizationHandler<AdministratorRequirement>
{
    public const string Refusal = "Only administrators manage teams and users. Ask an administrator to do this.";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        var user = context.User.GetUserId() is { } userId ? await userTeams.FindUserAsync(userId, CancellationToken.None) : null;
        if (user is { IsAdministrator: true })
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, Refusal));
        }
    }
}
