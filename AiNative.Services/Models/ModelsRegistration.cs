using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Models;

public static class ModelsRegistration
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddSingleton<TokenCounter>();
        services.AddHttpClient(ModelClientFactory.OllamaHttpClient);
        services.AddScoped<ModelClientFactory>();
        services.AddScoped<ModelInvoker>();
        services.AddScoped<IPortalSeeder, OfflineModelsSeeder>();
        return services;
    }
}
