using AiNative.Services.Teams;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace AiNative.Portal.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountRoutes.Logout, LogoutAsync).ExcludeFromDescription();
        return endpoints;
    }

    // A form post with an antiforgery token, so that no other site can sign a user out.
    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<PortalUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The sign-out form has expired",
                detail: "Reload the page and sign out again.");
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect($"~{AccountRoutes.Login}");
    }
}
