using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Portal.Gateway;
using AiNative.Portal.Client.Contracts.Usage;
using AiNative.Portal.Usage;
using AiNative.Portal.Accounts.AccessTokens;
using AiNative.Portal.Admin;
using AiNative.Portal.Audit;
using AiNative.Portal.Client.Contracts.AccessTokens;
using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Evaluators;
using AiNative.Portal.Datasets;
using AiNative.Portal.Experiments;
using AiNative.Portal.Knowledge;
using AiNative.Portal.Members;
using AiNative.Portal.Models;
using AiNative.Portal.Prompts;
using AiNative.Portal.Runs;
using AiNative.Portal.Traces;
using AiNative.Portal.Teams;

namespace AiNative.Portal.Platform;

/// <summary>Every feature's in-process API implementation and HTTP endpoints, in one list each.</summary>
public static class PortalApi
{
    public static IServiceCollection AddServerApis(this IServiceCollection services)
    {
        services.AddScoped<ISessionApi, PortalSessionApi>();
        services.AddScoped<IPromptsApi, PortalPromptsApi>();
        services.AddScoped<IModelsApi, PortalModelsApi>();
        services.AddScoped<ITeamMembersApi, PortalTeamMembersApi>();
        services.AddScoped<IAuditApi, PortalAuditApi>();
        services.AddScoped<IAccessTokensApi, PortalAccessTokensApi>();
        services.AddScoped<IAdminTeamsApi, PortalAdminTeamsApi>();
        services.AddScoped<IAdminUsersApi, PortalAdminUsersApi>();
        services.AddScoped<IKnowledgeApi, PortalKnowledgeApi>();
        services.AddScoped<IRunsApi, PortalRunsApi>();
        services.AddScoped<ITracesApi, PortalTracesApi>();
        services.AddScoped<IGatewayApi, PortalGatewayApi>();
        services.AddScoped<IUsageApi, PortalUsageApi>();
        services.AddScoped<IEvaluatorsApi, PortalEvaluatorsApi>();
        services.AddScoped<IDatasetsApi, PortalDatasetsApi>();
        services.AddScoped<IExperimentsApi, PortalExperimentsApi>();
        services.AddScoped<IExperimentReviewApi, PortalExperimentReviewApi>();
        services.AddScoped<IExperimentComparisonsApi, PortalExperimentComparisonsApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSessionApi();
        endpoints.MapPromptsApi();
        endpoints.MapModelsApi();
        endpoints.MapMembersApi();
        endpoints.MapAuditApi();
        endpoints.MapAccessTokensApi();
        endpoints.MapAdminTeamsApi();
        endpoints.MapAdminUsersApi();
        endpoints.MapKnowledgeApi();
        endpoints.MapRunsApi();
        endpoints.MapTracesApi();
        endpoints.MapGatewayManagementApi();
        endpoints.MapUsageApi();
        endpoints.MapEvaluatorsApi();
        endpoints.MapDatasetsApi();
        endpoints.MapExperimentsApi();
        endpoints.MapExperimentReviewApi();
        endpoints.MapExperimentComparisonApi();
        return endpoints;
    }
}
