using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Runs;

public static class RunsRegistration
{
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddScoped<ContextRetrieval>();
        services.AddScoped<PromptRunner>();
        services.AddScoped<RunHistory>();
        return services;
    }
}
