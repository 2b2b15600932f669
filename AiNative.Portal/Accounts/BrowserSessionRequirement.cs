using Microsoft.AspNetCore.Authorization;

namespace AiNative.Portal.Accounts;

/// <summary>Met by a signed-in person in a browser session; refuses personal access tokens with a reason.</summary>
internal sealed class BrowserSessionRequirement : AuthorizationHandler<BrowserSessionRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BrowserSessionRequirement requirement)
    {
        if (context.User.IsAccessTokenCaller())
        {
            context.Fail(new AuthorizationFailureReason(this, "Access tokens cannot manage access tokens. Sign in to the portal in a browser to do this."));
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
