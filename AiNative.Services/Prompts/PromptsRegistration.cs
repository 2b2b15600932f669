using AiNative.Services.Platform.Seeding;
using AiNative.Services.Prompts.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Prompts;

public static class PromptsRegistration
{
    public static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.AddSingleton<TemplateRenderer>();
        services.AddScoped<PromptRegistry>();
        services.AddScoped<PromptVersions>();
        services.AddScoped<PromptLabels>();
        services.AddScoped<PromptRenderer>();
        services.AddScoped<IPortalSeeder, PromptsSeeder>();
        services.AddScoped<IPortalSeeder, HandbookPromptSeeder>();
        return services;
    }
}
