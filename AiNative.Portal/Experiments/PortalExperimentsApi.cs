using System.Runtime.CompilerServices;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Platform;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Teams;

namespace AiNative.Portal.Experiments;

/// <summary>The team's experiments in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalExperimentsApi(
    ExperimentRegistry registry,
    ExperimentSummaries summaries,
    ExperimentResults results,
    ExperimentExporter exporter,
    ExperimentPromotion promotion,
    ExperimentEvents events,
    TeamContext team,
    TimeProvider clock) : IExperimentsApi
{
    public Task<IReadOnlyList<ExperimentDto>> ListAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<ExperimentDto>>(async () =>
            [.. (await registry.ListAsync(cancellationToken)).Select(e => e.ToDto(clock.GetUtcNow()))]);

    public Task<ExperimentDetailsDto> GetAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => DetailsAsync(experimentId, cancellationToken));

    public Task<ExperimentEstimateDto> EstimateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await registry.EstimateAsync(request.ToInput(), cancellationToken)).ToDto());

    public Task<ExperimentDetailsDto> CreateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => await DetailsAsync((await registry.CreateAsync(request.ToInput(), cancellationToken)).Id, cancellationToken));

    public Task<ExperimentDetailsDto> StartAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            await registry.StartAsync(experimentId, cancellationToken);
            return await DetailsAsync(experimentId, cancellationToken);
        });

    public Task<ExperimentDetailsDto> CancelAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            await registry.CancelAsync(experimentId, cancellationToken);
            return await DetailsAsync(experimentId, cancellationToken);
        });

    public Task<ExperimentDetailsDto> RerunFailedAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            await registry.RerunFailedAsync(experimentId, cancellationToken);
            return await DetailsAsync(experimentId, cancellationToken);
        });

    public Task<ExperimentRowPageDto> ListRowsAsync(Guid experimentId, ExperimentRowQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
            (await results.ListAsync(experimentId, (RowFilter)query.Filter, (RowOrder)query.Order, query.Page, query.PageSize, cancellationToken)).ToDto());

    public Task<PromotionDto> PromoteAsync(Guid experimentId, Guid variantId, PromoteRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var promoted = await promotion.PromoteAsync(experimentId, variantId, request.Label, cancellationToken);
            return new PromotionDto(promoted.PromptId, promoted.PromptName, promoted.Label, promoted.PreviousVersion, promoted.Version);
        });

    public Task<ExperimentExportFileDto> PrepareExportAsync(Guid experimentId, ExperimentExportFormatDto format, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await exporter.PrepareAsync(experimentId, (ExportFormat)format, cancellationToken)).ToDto());

    public Task ExportAsync(ExperimentExportFileDto file, Stream destination, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => exporter.WriteAsync(file.ToFile(), destination, cancellationToken));

    public async IAsyncEnumerable<ExperimentProgressDto> WatchAsync(Guid experimentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // An experiment of another team, or none, is refused before anything streams.
        await ServerApi.CallAsync(() => registry.GetAsync(experimentId, cancellationToken));
        async Task<ExperimentProgress> CurrentAsync(CancellationToken token) => ExperimentProgress.Of(await registry.GetAsync(experimentId, token));
        await foreach (var progress in events.WatchAsync(team.TeamId, experimentId, CurrentAsync, cancellationToken))
        {
            yield return progress.ToDto(clock.GetUtcNow());
        }
    }

    private async Task<ExperimentDetailsDto> DetailsAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var experiment = await registry.GetAsync(experimentId, cancellationToken);
        var summary = await summaries.GetAsync(experimentId, cancellationToken);
        return experiment.ToDetailsDto(summary, clock.GetUtcNow());
    }
}
