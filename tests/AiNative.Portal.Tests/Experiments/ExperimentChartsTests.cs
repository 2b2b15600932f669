using System.Globalization;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using Bunit;

namespace AiNative.Portal.Tests.Experiments;

public sealed class ExperimentChartsTests : PortalComponentTest
{
    [Fact]
    public void Cost_against_quality_puts_the_cheaper_variant_left_and_lower_when_it_scores_less_and_lists_both_for_screen_readers()
    {
        // 100 items each: $0.10 is $1 per 1,000 items, $1.00 is $10.
        var summary = Summary(
            Variant("cheap", 0.10m, Score("exact", 0.6, 0.5, 0.7)),
            Variant("dear", 1.00m, Score("exact", 0.9, 0.85, 0.95)));

        var chart = Render<CostQualityChart>(p => p.Add(c => c.Summary, summary));

        // Each point has a transparent twin for hovering; each interval is a vertical line through its point.
        var points = chart.FindAll("[data-testid=cost-quality-chart] circle:not([opacity='0'])");
        var intervals = chart.FindAll("[data-testid=cost-quality-chart] path.mud-chart-line");
        Assert.Equal(2, points.Count);
        Assert.StartsWith(FormattableString.Invariant($"M {Coordinate(points[0], "cx")} "), intervals[0].GetAttribute("d"));
        var (cheap, dear) = (points[0], points[1]);
        Assert.True(Coordinate(cheap, "cx") < Coordinate(dear, "cx"), "The cheaper variant's point is left of the dearer one's.");
        Assert.True(Coordinate(cheap, "cy") > Coordinate(dear, "cy"), "The lower mean is drawn lower (a larger y in SVG).");
        var rows = chart.FindAll("[data-testid=cost-quality-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("cheap", rows[0]);
        Assert.Contains("$1", rows[0]);
        Assert.Contains("0.5 to 0.7", rows[0]);
        Assert.Contains("$10", rows[1]);
        Assert.Empty(chart.FindAll("[data-testid=cost-quality-evaluator]"));
    }

    [Fact]
    public void With_several_evaluators_cost_against_quality_offers_the_score_to_chart()
    {
        var summary = Summary(
            Variant("cheap", 0.10m, Score("exact", 0.6, 0.5, 0.7), Score("tone", 4.5, 4.2, 4.8)),
            Variant("dear", 1.00m, Score("exact", 0.9, 0.85, 0.95), Score("tone", 3.1, 2.9, 3.3)));

        var chart = RenderWithPopovers<CostQualityChart>(p => p.Add(c => c.Summary, summary));

        Assert.Single(chart.FindAll("[data-testid=cost-quality-evaluator]"));
        Assert.Equal("Cost against quality: exact", chart.Find("[data-testid=cost-quality-table] caption").TextContent);
    }

    [Fact]
    public void Latency_distribution_counts_each_variants_cells_per_shared_bucket_and_names_p50_and_p95()
    {
        var summary = Summary(
            Variant("fast", 0.10m, Score("exact", 0.6, 0.5, 0.7)) with { LatencyP50Ms = 150, LatencyP95Ms = 390, LatencyCounts = [5, 3, 0] },
            Variant("slow", 1.00m, Score("exact", 0.9, 0.85, 0.95)) with { LatencyP50Ms = 410, LatencyP95Ms = 590, LatencyCounts = [0, 4, 4] })
            with { LatencyBuckets = new LatencyBucketsDto(0, 200, 3) };

        var chart = Render<LatencyChart>(p => p.Add(c => c.Summary, summary));

        var rows = chart.FindAll("[data-testid=latency-table] tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["0–200 ms", "5", "0"], rows[0]);
        Assert.Equal(["200–400 ms", "3", "4"], rows[1]);
        Assert.Equal(["400–600 ms", "0", "4"], rows[2]);
        Assert.Equal(["p95", "390 ms", "590 ms"], rows[4]);
        var legend = chart.Find("[data-testid=latency-chart]").TextContent;
        Assert.Contains("fast (p50 150 ms, p95 390 ms)", legend);
        Assert.Contains("slow (p50 410 ms, p95 590 ms)", legend);
    }

    [Fact]
    public void Before_any_cell_succeeded_there_is_no_latency_chart()
    {
        var chart = Render<LatencyChart>(p => p.Add(c => c.Summary, Summary(Variant("fast", 0, Score("exact", 0.6, 0.5, 0.7)))));

        Assert.Empty(chart.FindAll("[data-testid=latency-chart]"));
    }

    private static double Coordinate(AngleSharp.Dom.IElement point, string name) =>
        double.Parse(point.GetAttribute(name)!, CultureInfo.InvariantCulture);

    private static ExperimentSummaryDto Summary(params VariantSummaryDto[] variants) =>
        new([.. variants[0].Scores.Select(s => s.Evaluator)], variants, null);

    private static VariantSummaryDto Variant(string name, decimal cost, params ScoreSummaryDto[] scores) =>
        new(Guid.CreateVersion7(), name, name == "cheap" || name == "fast", 100, 100, 0, 0, 0, 0, 200, 400, 1000, 500, cost, scores, []);

    private static ScoreSummaryDto Score(string evaluator, double mean, double low, double high) =>
        new(evaluator, mean, low, high, 100, null, null, null, 0, 0, null, null, null, null);
}
