using AiNative.Portal.Client.Contracts.Experiments;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>One comparison and one page of changed items in memory; it records the queries pages send.</summary>
internal sealed class FakeExperimentComparisonsApi : IExperimentComparisonsApi
{
    public ExperimentComparisonDto? Comparison { get; set; }

    public ChangedItemPageDto Changes { get; set; } = new([], 0, 1, 20);

    public List<ComparisonQuery> Compared { get; } = [];

    public List<ChangedItemsQuery> Listed { get; } = [];

    public Task<ExperimentComparisonDto> CompareAsync(ComparisonQuery query, CancellationToken cancellationToken = default)
    {
        Compared.Add(query);
        return Task.FromResult(Comparison ?? throw new InvalidOperationException("Set a comparison first."));
    }

    public Task<ChangedItemPageDto> ListChangesAsync(ChangedItemsQuery query, CancellationToken cancellationToken = default)
    {
        Listed.Add(query);
        return Task.FromResult(Changes);
    }
}
