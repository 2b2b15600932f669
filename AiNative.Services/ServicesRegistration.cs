using AiNative.Services.Knowledge;
using AiNative.Services.Models;
using AiNative.Services.Platform;
using AiNative.Services.Prompts;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services;

public static class ServicesRegistration
{
    /// <summary>Every feature of the services layer, each registered by its own folder.</summary>
    public static IServiceCollection AddPortalServices(this IServiceCollection services) =>
        services
            .AddPlatform()
            .AddTeams()
            .AddModels()
            .AddPrompts()
            .AddKnowledge()
            .AddRuns();
}
