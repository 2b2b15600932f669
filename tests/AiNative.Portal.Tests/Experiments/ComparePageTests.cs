using System.Text.Json.Nodes;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Experiments;

public sealed class ComparePageTests : PortalComponentTest
{
    private static readonly Guid Dataset = Guid.NewGuid();

    private readonly FakeExperimentsApi _experiments = new();

    private readonly FakeExperimentComparisonsApi _comparisons = new();

    public ComparePageTests()
    {
        Services.AddSingleton<IExperimentsApi>(_experiments);
        Services.AddSingleton<IExperimentComparisonsApi>(_comparisons);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Without_experiments_the_page_says_how_to_start()
    {
        var page = Open(null, null);

        Assert.Contains("The team has no experiments yet.", page.Find("[data-testid=compare-empty]").TextContent);
        Assert.Equal("experiments/new", page.Find("[data-testid=compare-empty] a").GetAttribute("href"));
    }

    [Fact]
    public void A_comparison_shows_the_items_in_both_each_sides_figures_the_paired_differences_and_the_changed_items_with_their_traces()
    {
        var (before, after) = (Experiment("Before", Dataset), Experiment("After", Dataset));
        _experiments.Experiments.AddRange([before, after, Experiment("Other data", Guid.NewGuid())]);
        _comparisons.Comparison = Comparison(before, after);
        var trace = Guid.NewGuid();
        _comparisons.Changes = new ChangedItemPageDto(
            [new ChangedItemDto(Guid.NewGuid(), 2, new JsonObject { ["question"] = "q2" }, "Roma", -0.625, Cell("Rome", 1, null), Cell("Rome", 0, trace))], 1, 1, 20);

        var page = Open(before.Id, after.Id);

        Assert.Equal(
            "3 items in both (Support v1 (left) and v4 (right)); 1 of them were edited between the versions · 1 only in the left · 1 only in the right. "
            + "Every figure below is over the items in both.",
            page.Find("[data-testid=compare-items]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid=summary-table] tbody tr").Count);
        var exact = page.Find("[data-testid=paired-difference]").TextContent;
        Assert.Contains("-0.333 [-1, 0]", exact, StringComparison.Ordinal);
        Assert.Contains("0 / 2 / 1", exact, StringComparison.Ordinal);
        Assert.Contains("no clear difference", exact, StringComparison.Ordinal);
        Assert.Contains("scored by v1 (left) and v2 (right)", exact, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=score-chart]"));
        page.WaitForAssertion(() => Assert.Equal("-0.625", page.Find("[data-testid=item-change]").TextContent.Trim()));
        Assert.Equal($"traces/{trace}", page.Find("[data-testid=cell-trace]").GetAttribute("href"));
        Assert.Equal(new ChangedItemsQuery(new ComparisonQuery(before.Id, after.Id, _comparisons.Comparison.Left.VariantId, _comparisons.Comparison.Right.VariantId)),
            _comparisons.Listed[0]);
    }

    private IRenderedComponent<ComparePage> Open(Guid? left, Guid? right)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["left"] = left, ["right"] = right }));
        var page = RenderWithPopovers<ComparePage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Loading the experiments'], [aria-label='Comparing']")));
        return page;
    }

    private static ExperimentDto Experiment(string name, Guid dataset) => new(
        Guid.NewGuid(), name, dataset, "Support", 1, ["v1", "v2"],
        new ExperimentProgressDto(Guid.NewGuid(), ExperimentStatusDto.Completed, null, 8, 8, 0, 0, 0, 8, 0.01m, null, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, "Pat");

    private static ExperimentComparisonDto Comparison(ExperimentDto before, ExperimentDto after)
    {
        ComparedSideDto Side(ExperimentDto e, int version)
        {
            var variant = new ExperimentVariantDto(Guid.NewGuid(), 0, "v1", true, Guid.NewGuid(), "Answer", 1, null, Guid.NewGuid(), "chat", false, null, null, null);
            return new ComparedSideDto(e.Id, e.Name, Dataset, "Support", version, ExperimentStatusDto.Completed, variant.Id, "v1", VariantChoiceDto.Best, "exact", [variant]);
        }

        VariantSummaryDto Summary(string name, double mean, double low) => new(
            Guid.NewGuid(), name, name.StartsWith("Before", StringComparison.Ordinal), 3, 3, 0, 0, 0, 0, 120, 180, 30, 12, 0.003m,
            [new ScoreSummaryDto("exact", mean, low, 1, 3, mean, low, 1, (int)(mean * 3), 0, null, null, null, null)], []);

        return new ExperimentComparisonDto(
            Side(before, 1), Side(after, 4), new ItemOverlapDto(3, 1, 1, 1),
            new ExperimentSummaryDto(["exact"], [Summary("Before · v1", 1, 1), Summary("After · v1", 2 / 3d, 0)], null),
            [new PairedDifferenceDto("exact", 1, 2, 3, -1 / 3d, -1, 0, 0, 2, 1, 1)], [], []);
    }

    private static ExperimentCellDto Cell(string output, double exact, Guid? trace) => new(
        Guid.NewGuid(), Guid.NewGuid(), 0, CellStatusDto.Succeeded, output, null, 100, 10, 4, 0.001m, trace,
        [new CellEvaluationDto("exact", exact, exact == 1, null, null)]);
}
