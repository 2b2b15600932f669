using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Statistics;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Experiments;

public sealed class ExperimentResultsTests
{
    private static readonly Dictionary<string, string> Answers = new() { ["q1"] = "Paris", ["q2"] = "Rome", ["q3"] = "Madrid", ["q4"] = "Berlin" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_summary_gives_each_variant_its_means_with_intervals_pass_rates_wins_against_the_baseline_latency_and_cost()
    {
        await using var run = await RunAsync();

        var summary = await run.Scope.Get<ExperimentSummaries>().GetAsync(run.ExperimentId, Cancel);

        var (baseline, other) = (summary.Variants[0], summary.Variants[1]);
        Assert.Equal(["exact", "similar"], summary.Evaluators);
        Assert.True(baseline.IsBaseline);
        Assert.Equal((4, 4, 0), (baseline.Cells, baseline.Succeeded, baseline.Failed));
        var exact = baseline.Scores[0];
        Assert.Equal(new MeanInterval(1, 1, 1, 4), exact.Mean);
        Assert.Equal((4, 4), (exact.PassRate!.Passed, exact.PassRate.Count));
        Assert.Null(exact.VersusBaseline);
        var worse = other.Scores[0];
        Assert.Equal(0.25, worse.Mean!.Mean);
        Assert.Equal(PassRate.Of(1, 4), worse.PassRate);
        Assert.Equal(new WinTieLoss(0, 1, 3, SignTest.TwoSidedP(0, 3)), worse.VersusBaseline);
        Assert.Equal(Bootstrap.Mean([1, 0, 0, 0]), worse.Mean);
        Assert.All(summary.Variants, v => Assert.True(v.LatencyP50Ms > 0 && v.LatencyP95Ms >= v.LatencyP50Ms && v.Cost > 0 && v.InputTokens > 0));
        Assert.Equal(run.Progress.Cost, summary.Variants.Sum(v => v.Cost));
        var buckets = summary.LatencyBuckets!;
        Assert.All(summary.Variants, v => Assert.Equal((4, buckets.Count), (v.LatencyCounts.Sum(), v.LatencyCounts.Count)));
        Assert.True(buckets.StartMs <= summary.Variants.Min(v => v.LatencyP50Ms) && buckets.StartMs + (buckets.WidthMs * buckets.Count) > summary.Variants.Max(v => v.LatencyP95Ms));
    }

    [Fact]
    public async Task A_large_experiments_summary_has_the_normal_interval_pass_rate_and_wins_of_every_cells_results()
    {
        await using var run = await RunAsync();
        var cells = await run.Scope.CellsAsync(run.ExperimentId);
        var random = new Random(9);
        await using (var db = await run.Scope.DbAsync())
        {
            // 6,000 more items, so each variant's means take the normal interval rather than the bootstrap.
            for (var item = 0; item < 6_000; item++)
            {
                var itemId = Guid.CreateVersion7();
                foreach (var cell in cells.Take(2))
                {
                    var similarity = Math.Round(random.NextDouble(), 3);
                    db.ExperimentCells.Add(new ExperimentCell
                    {
                        TeamId = cell.TeamId, ExperimentId = cell.ExperimentId, VariantId = cell.VariantId, VariantPosition = cell.VariantPosition,
                        IsBaseline = cell.IsBaseline, ProviderId = cell.ProviderId, ItemId = itemId, ItemPosition = 10 + item, Status = CellStatus.Succeeded,
                        LatencyMs = 100 + item, Cost = 0.001m,
                        Evaluations = [new CellEvaluation("exact", similarity == 1 ? 1 : 0, similarity == 1, null, null), new CellEvaluation("similar", similarity, similarity >= 0.5, null, null)],
                    });
                }
            }

            await db.SaveChangesAsync(Cancel);
            await db.Experiments.Where(e => e.Id == run.ExperimentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SucceededCount, e => e.SucceededCount + 12_000), Cancel);
        }

        var summary = await run.Scope.Get<ExperimentSummaries>().GetAsync(run.ExperimentId, Cancel);

        var all = await run.Scope.CellsAsync(run.ExperimentId);
        double? Similar(ExperimentCell cell) => cell.Evaluations.Single(e => e.Evaluator == "similar").Value;
        var (baselineCells, otherCells) = (all.Where(c => c.IsBaseline).ToList(), all.Where(c => !c.IsBaseline).ToList());
        var expected = NormalInterval.Mean([.. otherCells.Select(c => Similar(c)!.Value)])!;
        var similar = summary.Variants[1].Scores[1];
        Assert.Equal(expected.Mean, similar.Mean!.Mean, 12);
        Assert.Equal(expected.Low, similar.Mean.Low, 12);
        Assert.Equal(expected.High, similar.Mean.High, 12);
        Assert.Equal(6_004, similar.Mean.Count);
        Assert.Equal(PassRate.Of(otherCells.Count(c => c.Evaluations.Single(e => e.Evaluator == "similar").Passed == true), otherCells.Count), similar.PassRate);
        var baselineSimilar = baselineCells.ToDictionary(c => c.ItemId, c => Similar(c)!.Value);
        var pairs = otherCells.Select(c => (Similar(c)!.Value, baselineSimilar[c.ItemId]));
        Assert.Equal(WinTieLoss.Of(pairs), similar.VersusBaseline);
        Assert.Equal((6_004, 0.001m * 12_000 + run.Progress.Cost), (summary.Variants[1].Cells, summary.Variants.Sum(v => v.Cost)));
    }

    [Fact]
    public async Task An_ended_experiments_summary_is_kept_when_its_run_ends_read_after_a_restart_and_worked_out_again_when_failed_cells_rerun()
    {
        await using var run = await RunAsync(m => m[0].Content == "Wrong." && m[^1].Content == "q3" ? new FakeFailure(500) : null);
        var first = await KeptAsync(run.Scope, run.ExperimentId, failed: 1);
        await run.Host.StopAsync();

        await using var again = await ServicesHost.StartAsync(dataFolder: run.Host.DataFolder);
        await using var scope = again.InTeam(await again.DemoTeamIdAsync());
        var summaries = scope.Get<ExperimentSummaries>();
        await using (var db = await scope.DbAsync())
        {
            // Changed behind the portal's back: a summary read from the kept row cannot see it.
            await db.ExperimentCells.Where(c => c.ExperimentId == run.ExperimentId && c.IsBaseline)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Evaluations, new List<CellEvaluation>()), Cancel);
        }

        var afterRestart = await summaries.GetAsync(run.ExperimentId, Cancel);
        run.Provider.FailWhen = null;
        using (var end = ExperimentEnd.Watch(again.Services).Of(run.ExperimentId))
        {
            await scope.Get<ExperimentRegistry>().RerunFailedAsync(run.ExperimentId, Cancel);
            await end.WaitAsync();
        }

        var rerun = await summaries.GetAsync(run.ExperimentId, Cancel);
        var kept = await KeptAsync(scope, run.ExperimentId, failed: 0);

        Assert.Equal((4, 3, 1), (first.Variants[1].Cells, first.Variants[1].Succeeded, first.Variants[1].Failed));
        Assert.Equal(new MeanInterval(1, 1, 1, 4), afterRestart.Variants[0].Scores[0].Mean);
        Assert.Equal((3, 1), (afterRestart.Variants[1].Succeeded, afterRestart.Variants[1].Failed));
        Assert.Equal((4, 0), (rerun.Variants[1].Succeeded, rerun.Variants[1].Failed));
        Assert.Null(rerun.Variants[0].Scores[0].Mean);
        Assert.Equal((4, 0), (kept.Variants[1].Succeeded, kept.Variants[1].Failed));
    }

    [Fact]
    public async Task Rows_page_on_the_server_with_every_variants_cell_and_the_items_content()
    {
        await using var run = await RunAsync();
        var results = run.Scope.Get<ExperimentResults>();

        var first = await results.ListAsync(run.ExperimentId, RowFilter.All, RowOrder.Dataset, 1, 3, Cancel);
        var second = await results.ListAsync(run.ExperimentId, RowFilter.All, RowOrder.Dataset, 2, 3, Cancel);

        Assert.Equal((4, 3, 1), (first.Total, first.Rows.Count, second.Rows.Count));
        Assert.Equal([1L, 2, 3, 4], first.Rows.Concat(second.Rows).Select(r => r.Position));
        Assert.Equal("{\"question\":\"q1\"}", first.Rows[0].Input);
        Assert.Equal("Paris", first.Rows[0].ExpectedOutput);
        Assert.Equal(["Paris", "Paris"], first.Rows[0].Cells.Select(c => c.Output));
        Assert.Equal(["Rome", "=SUM(1,2)"], first.Rows[1].Cells.Select(c => c.Output));
        Assert.All(first.Rows, r => Assert.Equal([0, 1], r.Cells.Select(c => c.VariantPosition)));
    }

    [Fact]
    public async Task Regressions_are_the_items_a_variant_scored_below_the_baseline_and_disagreements_those_whose_evaluators_split()
    {
        await using var run = await RunAsync();
        var results = run.Scope.Get<ExperimentResults>();

        var regressions = await results.ListAsync(run.ExperimentId, RowFilter.Regressions, RowOrder.Dataset, 1, 10, Cancel);
        var disagreements = await results.ListAsync(run.ExperimentId, RowFilter.Disagreements, RowOrder.Dataset, 1, 10, Cancel);

        Assert.Equal(3, regressions.Total);
        Assert.Equal([2L, 3, 4], regressions.Rows.Select(r => r.Position));
        Assert.All(regressions.Rows, r => Assert.Equal(2, r.Cells.Count));

        // "Not Madrid" is not the expected "Madrid" but similar enough to pass the similarity check.
        Assert.Equal(2, disagreements.Total);
        Assert.Equal([3L, 4], disagreements.Rows.Select(r => r.Position));
    }

    [Fact]
    public async Task A_variant_cell_that_failed_where_the_baseline_succeeded_is_a_regression()
    {
        // The variant's first answer would equal the baseline's; its call fails instead.
        await using var run = await RunAsync(failWhen: messages => messages[0].Content == "Wrong." && messages[^1].Content == "q1" ? new FakeFailure(500) : null);

        var regressions = await run.Scope.Get<ExperimentResults>().ListAsync(run.ExperimentId, RowFilter.Regressions, RowOrder.Dataset, 1, 10, Cancel);

        Assert.Equal(4, regressions.Total);
        Assert.Equal([1L, 2, 3, 4], regressions.Rows.Select(r => r.Position));
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed], regressions.Rows[0].Cells.Select(c => c.Status));
    }

    [Fact]
    public async Task Rows_sort_by_change_of_score_against_the_baseline_worst_first_and_page_in_that_order()
    {
        await using var run = await RunAsync();
        var results = run.Scope.Get<ExperimentResults>();

        var first = await results.ListAsync(run.ExperimentId, RowFilter.All, RowOrder.ScoreChange, 1, 2, Cancel);
        var second = await results.ListAsync(run.ExperimentId, RowFilter.All, RowOrder.ScoreChange, 2, 2, Cancel);
        var regressions = await results.ListAsync(run.ExperimentId, RowFilter.Regressions, RowOrder.ScoreChange, 1, 10, Cancel);

        // The formula answer lost most; the two "Not …" answers lost as much as each other and keep the dataset's order.
        Assert.Equal([2L, 3, 4, 1], first.Rows.Concat(second.Rows).Select(r => r.Position));
        Assert.Equal(4, second.Total);
        Assert.Equal([2L, 3, 4], regressions.Rows.Select(r => r.Position));
    }

    [Fact]
    public async Task A_filter_or_order_that_does_not_exist_is_refused_naming_it()
    {
        await using var run = await RunAsync();
        var results = run.Scope.Get<ExperimentResults>();

        var error = await Assert.ThrowsAsync<AiNative.Services.Platform.Errors.ValidationFailedException>(
            () => results.ListAsync(run.ExperimentId, (RowFilter)9, (RowOrder)9, 1, 10, Cancel));

        Assert.Equal(["Filter", "Order"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cells_and_scores_export_as_csv_with_formulas_escaped_and_as_json_lines()
    {
        await using var run = await RunAsync();
        var exporter = run.Scope.Get<ExperimentExporter>();

        var csvFile = await exporter.PrepareAsync(run.ExperimentId, ExportFormat.Csv, Cancel);
        using var csv = new MemoryStream();
        await exporter.WriteAsync(csvFile, csv, Cancel);
        var jsonFile = await exporter.PrepareAsync(run.ExperimentId, ExportFormat.JsonLines, Cancel);
        using var json = new MemoryStream();
        await exporter.WriteAsync(jsonFile, json, Cancel);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimEnd().Split("\r\n");
        var records = Encoding.UTF8.GetString(json.ToArray()).TrimEnd().Split('\n').Select(l => JsonNode.Parse(l)!).ToList();

        Assert.EndsWith("-cells.csv", csvFile.FileName);
        Assert.Equal("item,item_id,input,expected_output,variant,baseline,status,output,error,latency_ms,input_tokens,output_tokens,cost_usd,trace_id,"
            + "exact,exact_passed,exact_error,similar,similar_passed,similar_error", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.Contains(",'=SUM(1,2),", lines[4].Replace("\"", string.Empty));
        Assert.Equal(8, records.Count);
        Assert.Equal(("succeeded", "=SUM(1,2)", "exact", 0.0, false), (
            records[3]!["status"]!.GetValue<string>(), records[3]!["output"]!.GetValue<string>(),
            records[3]!["scores"]![0]!["evaluator"]!.GetValue<string>(), records[3]!["scores"]![0]!["value"]!.GetValue<double>(),
            records[3]!["scores"]![0]!["passed"]!.GetValue<bool>()));
        Assert.Equal("q2", records[3]!["input"]!["question"]!.GetValue<string>());
    }

    /// <summary>Four questions: the baseline answers each right, the other variant only the first (and a formula for the second).</summary>
    private static async Task<FinishedRun> RunAsync(Func<IReadOnlyList<(string Role, string Content)>, FakeFailure?>? failWhen = null)
    {
        var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.FailWhen = failWhen;
        provider.Reply = messages => (messages[0].Content, messages[^1].Content) switch
        {
            ("Right.", var q) => Answers[q],
            (_, "q1") => "Paris",
            (_, "q2") => "=SUM(1,2)",
            (_, var q) => $"Not {Answers[q]}",
        };
        var host = await ServicesHost.StartAsync();
        var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, "Right.", "Wrong.");
        var dataset = await scope.QuestionsAsync([.. Answers.Select(a => (a.Key, a.Value))]);
        var exact = await scope.EvaluatorAsync("exact", EvaluatorKind.ExactMatch);
        var similar = await scope.EvaluatorAsync("similar", EvaluatorKind.Levenshtein, new EvaluatorSettings { Threshold = 0.5 });
        var registry = scope.Get<ExperimentRegistry>();
        var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt, null, exact, similar), Cancel);
        using var end = ExperimentEnd.Watch(host.Services).Of(experiment.Id);
        await registry.StartAsync(experiment.Id, Cancel);
        return new FinishedRun(provider, host, scope, experiment.Id, await end.WaitAsync());
    }

    /// <summary>The summary kept for the experiment once it holds <paramref name="failed"/> failed cells (kept in the background when a run ends).</summary>
    private static async Task<ExperimentSummary> KeptAsync(TeamScope scope, Guid experimentId, int failed)
    {
        var kept = await Poll.UntilAsync(async () =>
        {
            await using var db = await scope.DbAsync();
            return await db.KeptSummaries.AsNoTracking().SingleOrDefaultAsync(k => k.ExperimentId == experimentId && k.Failed == failed, Cancel);
        }, row => row is not null);
        Assert.True(kept is not null, $"No summary with {failed} failed cells was kept within {Poll.Patience.TotalSeconds} seconds.");
        return JsonSerializer.Deserialize<ExperimentSummary>(kept.Summary)!;
    }

    private sealed record FinishedRun(FakeOpenAiServer Provider, ServicesHost Host, TeamScope Scope, Guid ExperimentId, ExperimentProgress Progress) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            await Provider.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
