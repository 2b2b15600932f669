using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Prompts;
using AiNative.Portal.Runs;
using AiNative.Portal.Teams;

namespace AiNative.Portal.Platform;

/// <summary>Every feature's in-process API implementation and HTTP endpoints, in one list each.</summary>
public static class PortalApi
{
    public static IServiceCollection AddServerApis(this IServiceCollection services)
    {
        services.AddScoped<ISessionApi, PortalSessionApi>();
        services.AddScoped<IPromptsApi, PortalPromptsApi>();
        services.AddScoped<IRunsApi, PortalRunsApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSessionApi();
        endpoints.MapPromptsApi();
        endpoints.MapRunsApi();
        return endpoints;
    }
}
