namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// The team's experiments: 2–6 variants (a prompt version or label, a model, settings) run over every item of a pinned
/// dataset version, scored by pinned evaluators. Create saves a draft with its estimate; start runs it in the
/// background; progress arrives live; the side-by-side rows page on the server; cells and scores export as CSV or JSON Lines.
/// </summary>
public interface IExperimentsApi
{
    Task<IReadOnlyList<ExperimentDto>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The experiment with its variants, evaluators, progress and the summary per variant.</summary>
    Task<ExperimentDetailsDto> GetAsync(Guid experimentId, CancellationToken cancellationToken = default);

    /// <summary>The calls and cost a request would take, checked as creating it would be; nothing is saved.</summary>
    Task<ExperimentEstimateDto> EstimateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default);

    Task<ExperimentDetailsDto> CreateAsync(CreateExperimentRequest request, CancellationToken cancellationToken = default);

    Task<ExperimentDetailsDto> StartAsync(Guid experimentId, CancellationToken cancellationToken = default);

    Task<ExperimentDetailsDto> CancelAsync(Guid experimentId, CancellationToken cancellationToken = default);

    Task<ExperimentDetailsDto> RerunFailedAsync(Guid experimentId, CancellationToken cancellationToken = default);

    /// <summary>A page of the side-by-side rows: items in the dataset's order, each with its cells in the variants' order.</summary>
    Task<ExperimentRowPageDto> ListRowsAsync(Guid experimentId, ExperimentRowQuery query, CancellationToken cancellationToken = default);

    /// <summary>Moves a label of the variant's prompt (production unless the request names another) to the variant's version.</summary>
    Task<PromotionDto> PromoteAsync(Guid experimentId, Guid variantId, PromoteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Checks the experiment and names the file, before anything is written.</summary>
    Task<ExperimentExportFileDto> PrepareExportAsync(Guid experimentId, ExperimentExportFormatDto format, CancellationToken cancellationToken = default);

    Task ExportAsync(ExperimentExportFileDto file, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>The experiment's progress as it is now, then after every cell, until cancelled.</summary>
    IAsyncEnumerable<ExperimentProgressDto> WatchAsync(Guid experimentId, CancellationToken cancellationToken = default);
}
