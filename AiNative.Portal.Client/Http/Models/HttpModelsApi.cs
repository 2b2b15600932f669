using AiNative.Portal.Client.Contracts.Models;

namespace AiNative.Portal.Client.Http.Models;

internal sealed class HttpModelsApi(PortalApiClient api) : IModelsApi
{
    public async Task<IReadOnlyList<ProviderDto>> ListProvidersAsync(CancellationToken cancellationToken = default) =>
        await api.GetAsync<List<ProviderDto>>(api.TeamPath("providers"), cancellationToken);

    public Task<ProviderDto> GetProviderAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        api.GetAsync<ProviderDto>(api.TeamPath($"providers/{providerId}"), cancellationToken);

    public Task<ProviderDto> CreateProviderAsync(SaveProviderRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<ProviderDto>(HttpMethod.Post, api.TeamPath("providers"), request, cancellationToken);

    public Task<ProviderDto> UpdateProviderAsync(Guid providerId, SaveProviderRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<ProviderDto>(HttpMethod.Put, api.TeamPath($"providers/{providerId}"), request, cancellationToken);

    public Task DeleteProviderAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, api.TeamPath($"providers/{providerId}"), null, cancellationToken);

    public Task<ConnectionTestDto> TestConnectionAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<ConnectionTestDto>(HttpMethod.Post, api.TeamPath($"providers/{providerId}/test-connection"), null, cancellationToken);

    public async Task<IReadOnlyList<ModelDto>> ListModelsAsync(ModelKindDto? kind = null, CancellationToken cancellationToken = default) =>
        await api.GetAsync<List<ModelDto>>(api.TeamPath(kind is null ? "models" : $"models?kind={kind}"), cancellationToken);

    public Task<ModelDto> GetModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        api.GetAsync<ModelDto>(api.TeamPath($"models/{modelId}"), cancellationToken);

    public Task<ModelDto> CreateModelAsync(SaveModelRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<ModelDto>(HttpMethod.Post, api.TeamPath("models"), request, cancellationToken);

    public Task<ModelDto> UpdateModelAsync(Guid modelId, SaveModelRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<ModelDto>(HttpMethod.Put, api.TeamPath($"models/{modelId}"), request, cancellationToken);

    public Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, api.TeamPath($"models/{modelId}"), null, cancellationToken);
}
