using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Platform;
using AiNative.Services.Experiments.Comparison;

namespace AiNative.Portal.Experiments;

/// <summary>Comparisons of the team's experiments in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalExperimentComparisonsApi(ExperimentComparisons comparisons) : IExperimentComparisonsApi
{
    public Task<ExperimentComparisonDto> CompareAsync(ComparisonQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await comparisons.CompareAsync(query.ToSides(), cancellationToken)).ToDto());

    public Task<ChangedItemPageDto> ListChangesAsync(ChangedItemsQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await comparisons.ListChangesAsync(
            query.Sides.ToSides(), query.Evaluator, (ChangeDirection)query.Direction, query.Page, query.PageSize, cancellationToken)).ToDto());
}
