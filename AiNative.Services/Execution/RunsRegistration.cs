using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Execution;

public static class RunsRegistration
{
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddScoped<ContextRetrieval>();
        services.AddScoped<PromptExecutor>();
        services.AddScoped<RunHistory>();
        return services;
    }
}
