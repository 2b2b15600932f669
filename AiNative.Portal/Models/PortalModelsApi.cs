using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Platform;
using AiNative.Services.Models;
using AiNative.Services.Models.Connections;
using AiNative.Services.Models.Registry;

namespace AiNative.Portal.Models;

/// <summary>The model registry in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalModelsApi(ProviderRegistry providers, ModelRegistry models, ProviderConnectionTester tester) : IModelsApi
{
    public Task<IReadOnlyList<ProviderDto>> ListProvidersAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<ProviderDto>>(async () =>
            [.. (await providers.ListAsync(cancellationToken)).Select(p => p.ToDto())]);

    public Task<ProviderDto> GetProviderAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await providers.GetAsync(providerId, cancellationToken)).ToDto());

    public Task<ProviderDto> CreateProviderAsync(SaveProviderRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await providers.CreateAsync(request.ToInput(), cancellationToken)).ToDto());

    public Task<ProviderDto> UpdateProviderAsync(Guid providerId, SaveProviderRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await providers.UpdateAsync(providerId, request.ToInput(), cancellationToken)).ToDto());

    public Task DeleteProviderAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => providers.DeleteAsync(providerId, cancellationToken));

    public Task<ConnectionTestDto> TestConnectionAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await tester.TestAsync(providerId, cancellationToken)).ToDto());

    public Task<IReadOnlyList<ModelDto>> ListModelsAsync(ModelKindDto? kind = null, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<ModelDto>>(async () =>
            [.. (await models.ListAsync((ModelKind?)kind, cancellationToken)).Select(m => m.ToDto())]);

    public Task<ModelDto> GetModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await models.GetAsync(modelId, cancellationToken)).ToDto());

    public Task<ModelDto> CreateModelAsync(SaveModelRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await models.CreateAsync(request.ToInput(), cancellationToken)).ToDto());

    public Task<ModelDto> UpdateModelAsync(Guid modelId, SaveModelRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await models.UpdateAsync(modelId, request.ToInput(), cancellationToken)).ToDto());

    public Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => models.DeleteAsync(modelId, cancellationToken));
}
