namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// Two experiments of the team on the same dataset (any versions; items matched by their id), a variant of each: each
/// side's figures over the items both ran, the paired difference per evaluator, and the items that changed most.
/// Experiments on different datasets are refused (400) naming both.
/// </summary>
public interface IExperimentComparisonsApi
{
    Task<ExperimentComparisonDto> CompareAsync(ComparisonQuery query, CancellationToken cancellationToken = default);

    /// <summary>A page of the items the right side scored lower (regressed, worst first) or higher (improved, best first) than the left.</summary>
    Task<ChangedItemPageDto> ListChangesAsync(ChangedItemsQuery query, CancellationToken cancellationToken = default);
}
