using AiNative.Portal.Gateway;
using AiNative.Portal.Accounts;
using AiNative.Portal.Accounts.SingleSignOn;
using AiNative.Portal.Client;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Http;
using AiNative.Portal.Components;
using AiNative.Portal.Platform.Security;
using AiNative.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Scalar.AspNetCore;

namespace AiNative.Portal.Platform;

public static class PortalHostExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Serve the libraries' static files (MudBlazor, the Blazor scripts, the client's assets) from
        // the build output in every environment, not only in Development; a published portal has them
        // in wwwroot and this finds nothing to add.
        builder.WebHost.UseStaticWebAssets();
        builder.AddPortalTelemetry();
        services.AddPortalServices(builder.Configuration);
        services.AddPortalIdentity(builder.Configuration);
        services.AddServerApis();

        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization();
        services.AddPortalUi();

        // Pages of the client assembly also render on the server first; they find the same
        // services there, and the HTTP ones in the browser.
        services.AddScoped<CurrentTeam>();

        services.ConfigureHttpJsonOptions(options => PortalJson.Configure(options.SerializerOptions));

        // Unreadable bodies and parameters throw in every environment, so the API answers them
        // with the same problem details (400 with the reason) instead of an empty response.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // First, so that every response carries the security headers, error pages and files included.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // The gateway branches off here, with routing of its own: its callers bring a gateway key, not a cookie or a
        // personal token, and it writes its own errors in OpenAI's shape, so the browser's and the portal API's
        // middleware (error pages, sign-in, the setup and password gates, team access, antiforgery) would only add
        // to every model call's latency.
        app.MapWhen(
            context => context.Request.Path.StartsWithSegments(GatewayEndpoints.Root),
            gateway => gateway.UseRouting().UseEndpoints(endpoints => endpoints.MapGatewayApi()));

        // After the gateway's branch, so that its requests are not matched against the portal's endpoints too.
        app.UseRouting();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);

        app.UseMiddleware<SetupGateMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGateMiddleware>();
        app.UseMiddleware<ApiCsrfMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<TeamAccessMiddleware>();
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentPrincipal>().FromRequest = context.User;
            return next(context);
        });
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client.Routes).Assembly);

        app.MapAccountEndpoints();
        app.MapExternalLoginEndpoints();
        app.MapPortalApi();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().RequireAuthorization();
        // The reference works offline (no fonts from Scalar's CDN) and under the CSP (its start-up script carries the nonce);
        // api-reference/ gives its page a language and its text enough contrast (WCAG 2.1 AA); the portal's icon
        // saves the browser asking for a /favicon.ico that does not exist.
        app.MapScalarApiReference((options, context) => options
                .WithTitle("AiNative Portal API")
                .DisableDefaultFonts()
                .WithNonce(ContentSecurityPolicy.NonceOf(context))
                .AddHeadContent("""<link rel="icon" type="image/svg+xml" href="/favicon.svg" /><link rel="stylesheet" href="/api-reference/contrast.css" />""")
                .WithJavaScriptConfiguration("/api-reference/configuration.js"))
            .RequireAuthorization();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("AiNative Portal is ready at {Address}", address);
        }
    }
}
