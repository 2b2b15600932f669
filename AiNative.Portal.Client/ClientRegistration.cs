using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Http;
using AiNative.Portal.Client.Http.Prompts;
using AiNative.Portal.Client.Http.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiNative.Portal.Client;

public static class ClientRegistration
{
    /// <summary>UI services shared by both render modes.</summary>
    public static IServiceCollection AddPortalUi(this IServiceCollection services) =>
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });

    /// <summary>The HTTP implementations of the API contracts, for the WebAssembly side.</summary>
    public static IServiceCollection AddHttpApis(this IServiceCollection services, Uri baseAddress)
    {
        services.AddScoped(_ => new HttpClient { BaseAddress = baseAddress });
        services.AddScoped<CurrentTeam>();
        services.AddScoped<PortalApiClient>();
        services.AddScoped<ISessionApi, HttpSessionApi>();
        services.AddScoped<IPromptsApi, HttpPromptsApi>();
        services.AddScoped<IRunsApi, HttpRunsApi>();
        return services;
    }
}
