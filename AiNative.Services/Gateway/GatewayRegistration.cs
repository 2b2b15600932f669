using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Limits;
using AiNative.Services.Gateway.Routes;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Gateway;

public static class GatewayRegistration
{
    public static IServiceCollection AddGateway(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.AddSingleton<GatewayAnswerCache>();
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<TargetHealth>();
        services.AddSingleton<AttemptRunner>();
        services.AddSingleton<GatewayLimits>();
        services.AddScoped<GatewayKeys>();
        services.AddScoped<GatewayRoutes>();
        services.AddScoped<GatewayPlanner>();
        services.AddScoped<PromptTargets>();
        services.AddScoped<GatewayChat>();
        services.AddScoped<GatewayEmbeddings>();
        services.AddScoped<GatewayFeedback>();
        services.AddScoped<GatewayTeamSettings>();
        return services;
    }
}
