namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>
/// The current team's model registry: providers (where models are served from, with a write-only
/// API key) and models (limits, prices, default settings).
/// </summary>
public interface IModelsApi
{
    Task<IReadOnlyList<ProviderDto>> ListProvidersAsync(CancellationToken cancellationToken = default);

    Task<ProviderDto> GetProviderAsync(Guid providerId, CancellationToken cancellationToken = default);

    Task<ProviderDto> CreateProviderAsync(SaveProviderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a provider; an empty <see cref="SaveProviderRequest.ApiKey"/> keeps the stored key.</summary>
    Task<ProviderDto> UpdateProviderAsync(Guid providerId, SaveProviderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a provider that has no models left.</summary>
    Task DeleteProviderAsync(Guid providerId, CancellationToken cancellationToken = default);

    /// <summary>Lists the provider's models, or makes a one-token call; a failure is a result, not an exception.</summary>
    Task<ConnectionTestDto> TestConnectionAsync(Guid providerId, CancellationToken cancellationToken = default);

    /// <summary>The team's models by name; only those of <paramref name="kind"/> when given (a chat picker, an embedding picker).</summary>
    Task<IReadOnlyList<ModelDto>> ListModelsAsync(ModelKindDto? kind = null, CancellationToken cancellationToken = default);

    Task<ModelDto> GetModelAsync(Guid modelId, CancellationToken cancellationToken = default);

    Task<ModelDto> CreateModelAsync(SaveModelRequest request, CancellationToken cancellationToken = default);

    Task<ModelDto> UpdateModelAsync(Guid modelId, SaveModelRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a model that nothing refers to any more.</summary>
    Task DeleteModelAsync(Guid modelId, CancellationToken cancellationToken = default);
}
