using AiNative.Portal.Client.Contracts.AccessTokens;
using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Http.AccessTokens;
using AiNative.Portal.Client.Http.Admin;
using AiNative.Portal.Client.Http.Audit;
using AiNative.Portal.Client.Http.Knowledge;
using AiNative.Portal.Client.Http.Members;
using AiNative.Portal.Client.Http.Models;
using AiNative.Portal.Client.Http.Evaluators;
using AiNative.Portal.Client.Http.Prompts;
using AiNative.Portal.Client.Http.Runs;
using AiNative.Portal.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using MudBlazor;

namespace AiNative.Portal.Client;

public static class ClientRegistration
{
    /// <summary>UI services shared by both render modes.</summary>
    public static IServiceCollection AddPortalUi(this IServiceCollection services) =>
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });

    /// <summary>The HTTP implementations of the API contracts, for the WebAssembly side.</summary>
    public static IServiceCollection AddHttpApis(this IServiceCollection services, Uri baseAddress)
    {
        services.AddScoped(_ => new HttpClient { BaseAddress = baseAddress });
        services.AddScoped<CurrentTeam>();
        services.AddScoped<PortalApiClient>();
        services.AddScoped<ISessionApi, HttpSessionApi>();
        services.AddScoped<IPromptsApi, HttpPromptsApi>();
        services.AddScoped<IEvaluatorsApi, HttpEvaluatorsApi>();
        services.AddScoped<IModelsApi, HttpModelsApi>();
        services.AddScoped<ITeamMembersApi, HttpTeamMembersApi>();
        services.AddScoped<IAuditApi, HttpAuditApi>();
        services.AddScoped<IAccessTokensApi, HttpAccessTokensApi>();
        services.AddScoped<IAdminTeamsApi, HttpAdminTeamsApi>();
        services.AddScoped<IAdminUsersApi, HttpAdminUsersApi>();
        services.AddScoped<IKnowledgeApi, HttpKnowledgeApi>();
        services.AddScoped<IRunsApi, HttpRunsApi>();
        return services;
    }
}
