using AiNative.Portal.Accounts.AccessTokens;
using AiNative.Portal.Accounts.SingleSignOn;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Accounts;

public static class IdentityRegistration
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentPrincipal>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PortalAuthentication.Scheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(PortalAuthentication.Scheme, "Sign-in cookie or personal access token", options =>
                options.ForwardDefaultSelector = context => PortalAuthentication.SchemeFor(context.Request))
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(PortalAuthentication.AccessTokenScheme, "Personal access token", null)
            .AddPortalSingleSignOn(configuration)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ainative.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = AccountRoutes.Login;
            options.AccessDeniedPath = AccountRoutes.AccessDenied;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;

            // The API answers with status codes; only pages are redirected to sign in.
            options.Events.OnRedirectToLogin = context => AnswerApiOrRedirectAsync(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirectAsync(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // A changed password, a lock or a reset ends the other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        new IdentityBuilder(typeof(PortalUser), services).AddSignInManager();
        services.AddSignInRateLimit();
        services.AddScoped<IAuthorizationHandler, AdministratorAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Administrator, policy => policy.RequireAuthenticatedUser().AddRequirements(new AdministratorRequirement()))
            .AddPolicy(PortalPolicies.BrowserSession, policy => policy.RequireAuthenticatedUser().AddRequirements(new BrowserSessionRequirement()));
        return services;
    }

    private static async Task AnswerApiOrRedirectAsync(HttpContext context, string redirectUri, int status)
    {
        if (!context.Request.Path.StartsWithSegments(ApiRoutes.Root))
        {
            context.Response.Redirect(redirectUri);
            return;
        }

        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = status == StatusCodes.Status401Unauthorized
                ? new ProblemDetails { Status = status, Title = "Not signed in", Detail = "Sign in to the portal, or send a personal access token as 'Authorization: Bearer ainp_…'." }
                : new ProblemDetails { Status = status, Title = "Not allowed", Detail = "Your account does not allow this." },
        });
    }
}
