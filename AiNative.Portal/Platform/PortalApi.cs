using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Knowledge;
using AiNative.Portal.Teams;

namespace AiNative.Portal.Platform;

/// <summary>Every feature's in-process API implementation and HTTP endpoints, in one list each.</summary>
public static class PortalApi
{
    public static IServiceCollection AddServerApis(this IServiceCollection services)
    {
        services.AddScoped<ISessionApi, PortalSessionApi>();
        services.AddScoped<IKnowledgeApi, PortalKnowledgeApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSessionApi();
        endpoints.MapKnowledgeApi();
        return endpoints;
    }
}
