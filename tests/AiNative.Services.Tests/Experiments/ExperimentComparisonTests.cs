using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Experiments.Comparison;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;

namespace AiNative.Services.Tests.Experiments;

public sealed class ExperimentComparisonTests(ComparisonRuns runs) : IClassFixture<ComparisonRuns>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ExperimentComparisons Comparisons => runs.Scope.Get<ExperimentComparisons>();

    [Fact]
    public async Task Runs_on_two_versions_of_a_dataset_compare_each_ones_best_variant_over_the_items_both_ran()
    {
        var comparison = await Comparisons.CompareAsync(new ComparisonSides(runs.Before.Id, null, runs.After.Id, null), Cancel);

        // q1–q3 ran on both sides; q4 only before (deleted), q5 only after (added); q2's expected answer was edited in between.
        Assert.Equal(new ItemOverlap(3, 1, 1, 1), comparison.Items);
        Assert.Equal((VariantChoice.Best, "exact", 0), (comparison.Left.ChosenBy, comparison.Left.ChosenOn, comparison.Left.Variant.Position));
        Assert.Equal((VariantChoice.Best, "exact", 0), (comparison.Right.ChosenBy, comparison.Right.ChosenOn, comparison.Right.Variant.Position));
        var (left, right) = (comparison.Summary.Variants[0], comparison.Summary.Variants[1]);
        Assert.Equal($"{runs.Before.Name} · {comparison.Left.Variant.Name}", left.Name);
        Assert.Equal((true, false), (left.IsBaseline, right.IsBaseline));
        Assert.Equal((3, 3), (left.Cells, right.Cells));
        Assert.Equal(new MeanInterval(1, 1, 1, 3), left.Scores[0].Mean);
        Assert.Equal(2 / 3d, right.Scores[0].Mean!.Mean, 9);
        Assert.Equal(PassRate.Of(2, 3), right.Scores[0].PassRate);
        Assert.All(comparison.Summary.Variants, v => Assert.True(v.LatencyP50Ms > 0 && v.LatencyP95Ms >= v.LatencyP50Ms && v.Cost > 0));

        var exact = comparison.Differences[0];
        Assert.Equal(("exact", 1, 1), (exact.Evaluator, exact.LeftVersion, exact.RightVersion));
        Assert.Equal(-1 / 3d, exact.Difference!.Mean, 9);
        Assert.Equal((-1d, 0d, 3), (exact.Difference.Low, exact.Difference.High, exact.Difference.Count));
        Assert.Equal(new WinTieLoss(0, 2, 1, SignTest.TwoSidedP(0, 1)), exact.Record);
        Assert.Equal(["exact", "similar"], comparison.Differences.Select(d => d.Evaluator));
        Assert.Empty(comparison.OnlyLeftEvaluators.Concat(comparison.OnlyRightEvaluators));
    }

    [Fact]
    public async Task The_items_that_changed_most_page_with_both_cells_and_the_item_as_the_newer_version_holds_it()
    {
        var sides = new ComparisonSides(runs.Before.Id, null, runs.After.Id, null);

        var regressed = await Comparisons.ListChangesAsync(sides, null, ChangeDirection.Regressed, 1, 10, Cancel);
        var onSimilarity = await Comparisons.ListChangesAsync(sides, "similar", ChangeDirection.Regressed, 1, 10, Cancel);
        var improved = await Comparisons.ListChangesAsync(sides, null, ChangeDirection.Improved, 1, 10, Cancel);

        var item = Assert.Single(regressed.Items);
        Assert.Equal((runs.EditedItem, 1), (item.ItemId, regressed.Total));
        Assert.Equal(("{\"question\":\"q2\"}", "Roma"), (item.Input, item.ExpectedOutput));

        // Exact match fell from 1 to 0, similarity of "Rome" to the expected answer from 1 to 0.75.
        Assert.Equal(-0.625, item.Change, 9);
        Assert.Equal(-0.25, Assert.Single(onSimilarity.Items).Change, 9);
        Assert.Equal(("Rome", "Rome"), (item.Left.Output, item.Right.Output));
        Assert.Equal((runs.Before.Id, runs.After.Id), (item.Left.ExperimentId, item.Right.ExperimentId));
        Assert.NotNull(item.Right.TraceId);
        Assert.Equal(0, improved.Total);
    }

    [Fact]
    public async Task An_experiment_compared_with_itself_sets_its_baseline_against_its_best_other_variant_and_chosen_variants_are_kept()
    {
        var itself = await Comparisons.CompareAsync(new ComparisonSides(runs.After.Id, null, runs.After.Id, null), Cancel);
        var wrong = runs.Before.Variants.Single(v => v.Position == 1);
        var right = runs.After.Variants.Single(v => v.Position == 0);
        var chosen = await Comparisons.CompareAsync(new ComparisonSides(runs.Before.Id, wrong.Id, runs.After.Id, right.Id), Cancel);

        Assert.Equal((VariantChoice.Baseline, 0), (itself.Left.ChosenBy, itself.Left.Variant.Position));
        Assert.Equal((VariantChoice.Best, 1), (itself.Right.ChosenBy, itself.Right.Variant.Position));
        Assert.Equal(new ItemOverlap(4, 0, 0, 0), itself.Items);
        Assert.Equal(new WinTieLoss(0, 1, 3, SignTest.TwoSidedP(0, 3)), itself.Differences[0].Record);
        Assert.Equal((VariantChoice.Chosen, VariantChoice.Chosen), (chosen.Left.ChosenBy, chosen.Right.ChosenBy));
        Assert.Equal((wrong.Id, right.Id), (chosen.Left.Variant.Id, chosen.Right.Variant.Id));
        Assert.Equal((2, 1, 0), (chosen.Differences[0].Record!.Wins, chosen.Differences[0].Record!.Ties, chosen.Differences[0].Record!.Losses));
    }

    [Fact]
    public async Task A_side_whose_every_cell_failed_shows_its_failures_and_no_paired_figures_rather_than_zeros()
    {
        var broken = runs.Broken.Variants.Single(v => v.Position == 1);
        var sides = new ComparisonSides(runs.After.Id, null, runs.Broken.Id, broken.Id);

        var comparison = await Comparisons.CompareAsync(sides, Cancel);
        var regressed = await Comparisons.ListChangesAsync(sides, null, ChangeDirection.Regressed, 1, 10, Cancel);

        var right = comparison.Summary.Variants[1];
        Assert.Equal((4, 0, 4), (right.Cells, right.Succeeded, right.Failed));
        Assert.All(right.Scores, s => Assert.Equal((null, null, null), (s.Mean, s.PassRate, s.VersusBaseline)));
        Assert.Equal(["exact", "similar"], comparison.Differences.Select(d => d.Evaluator));
        Assert.All(comparison.Differences, d => Assert.Equal((null, null), (d.Difference, d.Record)));
        Assert.Equal(0, regressed.Total);
    }

    [Fact]
    public async Task Experiments_on_different_datasets_are_refused_naming_both_datasets()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Comparisons.CompareAsync(new ComparisonSides(runs.Before.Id, null, runs.Elsewhere.Id, null), Cancel));

        var message = Assert.Single(error.Errors["Right"]);
        Assert.Contains($"'{runs.Before.DatasetName}'", message, StringComparison.Ordinal);
        Assert.Contains($"'{runs.Elsewhere.DatasetName}'", message, StringComparison.Ordinal);
        Assert.Contains("same dataset", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variant_of_another_experiment_an_unknown_evaluator_or_a_page_before_the_first_is_refused_naming_the_field()
    {
        var sides = new ComparisonSides(runs.Before.Id, runs.After.Variants[0].Id, runs.After.Id, null);

        var variant = await Assert.ThrowsAsync<ValidationFailedException>(() => Comparisons.CompareAsync(sides, Cancel));
        var evaluator = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Comparisons.ListChangesAsync(sides with { LeftVariantId = null }, "bleu", ChangeDirection.Regressed, 1, 10, Cancel));
        var page = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Comparisons.ListChangesAsync(sides with { LeftVariantId = null }, null, ChangeDirection.Regressed, 0, 10, Cancel));

        Assert.Equal(["LeftVariantId"], variant.Errors.Keys);
        Assert.Contains("'bleu' is not an evaluator both experiments pinned; choose one of: exact, similar.", evaluator.Errors["Evaluator"]);
        Assert.Equal(["Page"], page.Errors.Keys);
    }

    [Fact]
    public async Task A_viewer_compares_but_another_teams_member_finds_neither_experiment()
    {
        var sides = new ComparisonSides(runs.Before.Id, null, runs.After.Id, null);
        var other = await runs.Host.CreateTeamAsync($"Other {Guid.NewGuid():N}"[..16]);
        await using var viewer = runs.Host.InTeam(await runs.Host.DemoTeamIdAsync(), TeamRole.Viewer);
        await using var stranger = runs.Host.InTeam(other);

        var seen = await viewer.Get<ExperimentComparisons>().CompareAsync(sides, Cancel);

        Assert.Equal(3, seen.Items.Shared);
        await Assert.ThrowsAsync<NotFoundException>(() => stranger.Get<ExperimentComparisons>().CompareAsync(sides, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => stranger.Get<ExperimentComparisons>().ListChangesAsync(sides, null, ChangeDirection.Improved, 1, 10, Cancel));
    }
}
