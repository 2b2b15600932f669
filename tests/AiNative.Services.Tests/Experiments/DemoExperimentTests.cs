using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Experiments;

public sealed class DemoExperimentTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_seeds_a_demo_experiment_that_runs_to_its_end_on_the_offline_model()
    {
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:Experiments:SeedDemoExperiment"] = "true" });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var demo = Assert.Single(await scope.Get<ExperimentRegistry>().ListAsync(Cancel));
        using var end = ExperimentEnd.Watch(host.Services).Of(demo.Id);

        var progress = await end.WaitAsync(scope);
        var summary = await scope.Get<ExperimentSummaries>().GetAsync(demo.Id, Cancel);
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        var traces = await db.Traces.Where(t => t.Source == TraceSource.Experiment).ToListAsync(Cancel);
        var scores = await db.Scores.CountAsync(s => s.Source == ScoreSource.Evaluator, Cancel);

        Assert.Equal("Demo: Support answer v1 against v2", demo.Name);
        Assert.Equal((ExperimentStatus.Completed, 12, 12), (progress.Status, progress.CellCount, progress.Succeeded));
        Assert.Equal(["similar to expected", "contains expected", "at most 300 characters"], summary.Evaluators);
        Assert.All(summary.Variants, v => Assert.All(v.Scores, s => Assert.Equal((6, 0), (s.Mean!.Count, s.Errors))));
        Assert.Equal(12, traces.Count);
        Assert.All(traces, t => Assert.Equal(("offline-chat", TraceStatus.Succeeded), (t.ModelName, t.Status)));
        Assert.Equal(36, scores);
    }
}
