using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Usage;

public static class UsageRegistration
{
    public static IServiceCollection AddUsage(this IServiceCollection services) => services.AddScoped<UsageReports>();
}
