using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Experiments;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>The experiments pages read (the list, one experiment's details) in memory; a page that changes anything is not what these tests render.</summary>
internal sealed class FakeExperimentsApi : IExperimentsApi
{
    public List<ExperimentDto> Experiments { get; } = [];

    public List<ExperimentDetailsDto> Details { get; } = [];

    public Task<IReadOnlyList<ExperimentDto>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ExperimentDto>>(Experiments);

    public Task<ExperimentDetailsDto> GetAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        Details.FirstOrDefault(d => d.Id == experimentId) is { } details
            ? Task.FromResult(details)
            : throw new ApiException(new ApiProblem(404, "Experiment not found", $"Experiment '{experimentId}' does not exist in this team."));

    public Task<ExperimentEstimateDto> EstimateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ExperimentDetailsDto> CreateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ExperimentDetailsDto> StartAsync(Guid experimentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ExperimentDetailsDto> CancelAsync(Guid experimentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ExperimentDetailsDto> RerunFailedAsync(Guid experimentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ExperimentRowPageDto> ListRowsAsync(Guid experimentId, ExperimentRowQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PromotionDto> PromoteAsync(Guid experimentId, Guid variantId, PromoteRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ExperimentExportFileDto> PrepareExportAsync(Guid experimentId, ExperimentExportFormatDto format, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task ExportAsync(ExperimentExportFileDto file, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<ExperimentProgressDto> WatchAsync(Guid experimentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
