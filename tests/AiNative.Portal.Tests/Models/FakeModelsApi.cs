using AiNative.Portal.Client.Contracts.Models;

namespace AiNative.Portal.Tests.Models;

/// <summary>An in-memory registry for component tests; it records what the components send.</summary>
internal sealed class FakeModelsApi : IModelsApi
{
    public List<ProviderDto> Providers { get; } = [];

    public List<ModelDto> Models { get; } = [];

    public List<SaveProviderRequest> SentProviders { get; } = [];

    public Task<IReadOnlyList<ProviderDto>> ListProvidersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ProviderDto>>(Providers);

    public Task<ProviderDto> GetProviderAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Providers.Single(p => p.Id == providerId));

    public Task<ProviderDto> CreateProviderAsync(SaveProviderRequest request, CancellationToken cancellationToken = default)
    {
        SentProviders.Add(request);
        return Task.FromResult(Provider(Guid.NewGuid(), request.Name, request.Kind, request.BaseUrl, request.ApiKey is null ? null : "••••"));
    }

    public Task<ProviderDto> UpdateProviderAsync(Guid providerId, SaveProviderRequest request, CancellationToken cancellationToken = default)
    {
        SentProviders.Add(request);
        return Task.FromResult(Providers.Single(p => p.Id == providerId) with { Name = request.Name });
    }

    public Task DeleteProviderAsync(Guid providerId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ConnectionTestDto> TestConnectionAsync(Guid providerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectionTestDto(ConnectionOutcomeDto.Reachable, 200, 12, ConnectionProbeDto.ListedModels, ["fake-chat"], "Answered.", []));

    public Task<IReadOnlyList<ModelDto>> ListModelsAsync(ModelKindDto? kind = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ModelDto>>(Models.Where(m => kind is null || m.Kind == kind).ToList());

    public Task<ModelDto> GetModelAsync(Guid modelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Models.Single(m => m.Id == modelId));

    public Task<ModelDto> CreateModelAsync(SaveModelRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Component tests here do not add models.");

    public Task<ModelDto> UpdateModelAsync(Guid modelId, SaveModelRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Component tests here do not change models.");

    public Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public static ProviderDto Provider(Guid id, string name, ProviderKindDto kind, string? baseUrl, string? keyHint, string? description = null) =>
        new(id, name, kind, baseUrl, keyHint, 100, 0, description, DateTimeOffset.UtcNow);
}
