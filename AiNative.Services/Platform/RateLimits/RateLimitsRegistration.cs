using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Platform.RateLimits;

public static class RateLimitsRegistration
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SharedRateCounter>();
        services.AddHostedService<RateWindowCleanup>();
        return services;
    }
}
