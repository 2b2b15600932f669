using AiNative.Services.Evaluation;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments;
using AiNative.Services.Gateway;
using AiNative.Services.Knowledge;
using AiNative.Services.Models;
using AiNative.Services.Platform;
using AiNative.Services.Prompts;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using AiNative.Services.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services;

public static class ServicesRegistration
{
    /// <summary>Every feature of the services layer, each registered by its own folder; <paramref name="configuration"/> is the host's.</summary>
    public static IServiceCollection AddPortalServices(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPlatform(configuration)
            .AddTeams()
            .AddModels()
            .AddPrompts()
            .AddKnowledge()
            .AddRuns()
            .AddDatasets()
            .AddEvaluation()
            .AddExperiments()
            .AddGateway()
            .AddUsage();
}
