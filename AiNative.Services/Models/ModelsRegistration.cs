using AiNative.Services.Models.Connections;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Network;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Models;

public static class ModelsRegistration
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddSingleton<TokenCounter>();
        services.AddOptions<ProviderAddressOptions>().BindConfiguration(ProviderAddressOptions.Section);
        services.AddSingleton<ProviderAddressGuard>();
        services.AddHttpClient(ModelClientFactory.ProviderHttpClient)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<ProviderAddressGuard>().CreateHandler())
            .AddHttpMessageHandler(provider => new ProxiedRequestGuard(provider.GetRequiredService<ProviderAddressGuard>()))

            // No request logging: its handlers opened a log scope and timed every model call, on the gateway's hot path,
            // to log at Information, below what the portal writes; failures reach the caller and the trace with the
            // provider's words. (It would also have needed every header redacted: Authorization carries the key.)
            .RemoveAllLoggers();
        services.AddSingleton<ModelClientFactory>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<ModelPipelines>();
        services.AddScoped<ModelLookup>();
        services.AddScoped<ModelInvoker>();
        services.AddScoped<ProviderRules>();
        services.AddScoped<ProviderRegistry>();
        services.AddScoped<ModelRegistry>();
        services.AddScoped<ProviderConnectionTester>();
        services.AddScoped<IPortalSeeder, OfflineModelsSeeder>();
        return services;
    }
}
