using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Models;

public static class ModelsEndpoints
{
    /// <summary>Not "Models": the API reference lists the schemas under that name, and would show two groups of it.</summary>
    private const string Tag = "Model registry";

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var providers = endpoints.MapTeamGroup("providers", Tag);
        providers.MapGet("", ListProvidersAsync)
            .WithName("ListProviders")
            .WithSummary("The team's model providers, with a hint of each key but never the key");
        providers.MapGet("{providerId:guid}", GetProviderAsync)
            .WithName("GetProvider")
            .WithSummary("One provider, with a hint of its key but never the key");
        providers.MapPost("", CreateProviderAsync)
            .WithName("CreateProvider")
            .WithSummary("Register a provider; its API key is stored encrypted and never returned");
        providers.MapPut("{providerId:guid}", UpdateProviderAsync)
            .WithName("UpdateProvider")
            .WithSummary("Change a provider: an empty apiKey keeps the stored key, a value replaces it, clearApiKey removes it");
        providers.MapDelete("{providerId:guid}", DeleteProviderAsync)
            .WithName("DeleteProvider")
            .WithSummary("Delete a provider that has no models left");
        providers.MapPost("{providerId:guid}/test-connection", TestConnectionAsync)
            .WithName("TestProviderConnection")
            .WithSummary("List the provider's models (or make a one-token call) and report the outcome, status and latency")
            .RequireTeamRole(TeamRole.Editor);

        var models = endpoints.MapTeamGroup("models", Tag);
        models.MapGet("", ListModelsAsync)
            .WithName("ListModels")
            .WithSummary("The team's models, optionally only chat or embedding models");
        models.MapGet("{modelId:guid}", GetModelAsync)
            .WithName("GetModel")
            .WithSummary("One model with its provider, limits, prices and default settings");
        models.MapPost("", CreateModelAsync)
            .WithName("CreateModel")
            .WithSummary("Register a model of one of the team's providers");
        models.MapPut("{modelId:guid}", UpdateModelAsync)
            .WithName("UpdateModel")
            .WithSummary("Change a model's provider, id, limits, prices or default settings");
        models.MapDelete("{modelId:guid}", DeleteModelAsync)
            .WithName("DeleteModel")
            .WithSummary("Delete a model that no prompt version or knowledge base uses");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ProviderDto>>> ListProvidersAsync(IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.ListProvidersAsync(cancellationToken));

    private static async Task<Ok<ProviderDto>> GetProviderAsync(Guid providerId, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.GetProviderAsync(providerId, cancellationToken));

    private static async Task<Created<ProviderDto>> CreateProviderAsync(Guid teamId, SaveProviderRequest request, IModelsApi api, CancellationToken cancellationToken)
    {
        var provider = await api.CreateProviderAsync(request, cancellationToken);
        return TypedResults.Created($"{ApiRoutes.Root}/teams/{teamId}/providers/{provider.Id}", provider);
    }

    private static async Task<Ok<ProviderDto>> UpdateProviderAsync(Guid providerId, SaveProviderRequest request, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.UpdateProviderAsync(providerId, request, cancellationToken));

    private static async Task<NoContent> DeleteProviderAsync(Guid providerId, IModelsApi api, CancellationToken cancellationToken)
    {
        await api.DeleteProviderAsync(providerId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ConnectionTestDto>> TestConnectionAsync(Guid providerId, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.TestConnectionAsync(providerId, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ModelDto>>> ListModelsAsync(ModelKindDto? kind, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.ListModelsAsync(kind, cancellationToken));

    private static async Task<Ok<ModelDto>> GetModelAsync(Guid modelId, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.GetModelAsync(modelId, cancellationToken));

    private static async Task<Created<ModelDto>> CreateModelAsync(Guid teamId, SaveModelRequest request, IModelsApi api, CancellationToken cancellationToken)
    {
        var model = await api.CreateModelAsync(request, cancellationToken);
        return TypedResults.Created($"{ApiRoutes.Root}/teams/{teamId}/models/{model.Id}", model);
    }

    private static async Task<Ok<ModelDto>> UpdateModelAsync(Guid modelId, SaveModelRequest request, IModelsApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.UpdateModelAsync(modelId, request, cancellationToken));

    private static async Task<NoContent> DeleteModelAsync(Guid modelId, IModelsApi api, CancellationToken cancellationToken)
    {
        await api.DeleteModelAsync(modelId, cancellationToken);
        return TypedResults.NoContent();
    }
}
