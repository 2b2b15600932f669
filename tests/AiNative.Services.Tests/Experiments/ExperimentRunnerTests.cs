using AiNative.Services.Data;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Services.Tests.Platform;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Tests.Experiments;

public sealed class ExperimentRunnerTests
{
    private const string Exact = "Answer exactly.";
    private const string Loose = "Answer loosely.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>One call at a time per provider, so the order of cells is the dataset's.</summary>
    private static readonly Dictionary<string, string?> OneAtATime = new() { ["Portal:Experiments:ConcurrencyPerProvider"] = "1" };

    [Fact]
    public async Task Every_cell_runs_as_a_trace_of_the_experiment_with_its_evaluations_as_scores()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, Exact, Loose);
        var dataset = await scope.QuestionsAsync(("Capital of France?", "Paris"), ("Capital of Italy?", "Rome"), ("Capital of Spain?", "Madrid"));
        var exact = await scope.EvaluatorAsync("exact", EvaluatorKind.ExactMatch, new EvaluatorSettings { IgnoreCase = true });
        var registry = scope.Get<ExperimentRegistry>();

        var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt, evaluators: exact), Cancel);
        using var end = ExperimentEnd.Watch(host.Services).Of(experiment.Id);
        await registry.StartAsync(experiment.Id, Cancel);
        var progress = await end.WaitAsync();
        var cells = await scope.CellsAsync(experiment.Id);
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        var traces = await db.Traces.Where(t => t.SessionId == experiment.Id.ToString()).ToListAsync(Cancel);
        var scores = await db.Scores.Where(s => s.Source == ScoreSource.Evaluator).ToListAsync(Cancel);

        Assert.Equal((ExperimentStatus.Completed, 6, 6, 0), (progress.Status, progress.CellCount, progress.Succeeded, progress.Failed));
        Assert.Equal(6, provider.ChatArrivals.Count);
        Assert.All(cells, c => Assert.Equal(CellStatus.Succeeded, c.Status));
        Assert.Equal(["Paris", "Loosely: Capital of France?", "Rome", "Loosely: Capital of Italy?", "Madrid", "Loosely: Capital of Spain?"],
            cells.Select(c => c.Output));
        Assert.Equal(6, traces.Count);
        Assert.All(traces, t => Assert.Equal((TraceSource.Experiment, TraceStatus.Succeeded), (t.Source, t.Status)));
        Assert.Equal(cells.Select(c => c.TraceId!.Value).Order(), traces.Select(t => t.Id).Order());
        Assert.Equal(6, scores.Count);
        Assert.All(scores, s => Assert.Equal(("exact", "exact", 1), (s.Name, s.EvaluatorName, s.EvaluatorVersion)));
        Assert.Equal([1.0, 0.0, 1.0, 0.0, 1.0, 0.0], cells.Select(c => scores.Single(s => s.TraceId == c.TraceId).NumericValue!.Value));
        Assert.All(cells, c => Assert.True(c.InputTokens > 0 && c.Cost > 0 && c.LatencyMs > 0));
        Assert.Equal(cells.Sum(c => c.Cost), progress.Cost);
    }

    [Fact]
    public async Task A_busy_database_while_claiming_cells_is_logged_as_a_warning_and_the_experiment_still_completes()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        var logs = new CapturedLogs();
        using var busy = BusyCommands.CellClaims();
        await using var host = await ServicesHost.StartAsync(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(busy));
        });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (registry, experimentId) = await CreateAsync(scope, provider, ("Capital of France?", "Paris"));

        busy.FailNext(2);
        using var end = ExperimentEnd.Watch(host.Services).Of(experimentId);
        await registry.StartAsync(experimentId, Cancel);
        var progress = await end.WaitAsync();

        Assert.Equal((ExperimentStatus.Completed, 2, 0), (progress.Status, progress.Succeeded, progress.Failed));
        var runner = logs.Entries.Where(e => e.Category.EndsWith(".ExperimentRunner", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runner.Count(e => e.Level == LogLevel.Warning && e.Exception is SqliteException));
        Assert.DoesNotContain(runner, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_429_with_Retry_After_makes_the_cell_wait_that_long_and_run_again_instead_of_failing()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        var limited = 0;
        provider.FailWhen = messages => messages[^1].Content == "Capital of Italy?" && Interlocked.Increment(ref limited) == 1
            ? new FakeFailure(429, TimeSpan.FromSeconds(1))
            : null;
        await using var host = await ServicesHost.StartAsync(settings: OneAtATime);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (registry, experimentId) = await CreateAsync(scope, provider, ("Capital of France?", "Paris"), ("Capital of Italy?", "Rome"));

        using var end = ExperimentEnd.Watch(host.Services).Of(experimentId);
        await registry.StartAsync(experimentId, Cancel);
        var progress = await end.WaitAsync();
        var cells = await scope.CellsAsync(experimentId);
        var italy = provider.ChatArrivals.Where(a => a.UserMessage == "Capital of Italy?").Select(a => a.At).ToList();

        Assert.Equal((ExperimentStatus.Completed, 4, 0), (progress.Status, progress.Succeeded, progress.Failed));
        Assert.Equal(1, cells.Single(c => c.Output == "Rome").RateLimitRetries);
        Assert.Equal(3, italy.Count);
        Assert.True(italy[1] - italy[0] >= TimeSpan.FromSeconds(0.9), $"The retry came {(italy[1] - italy[0]).TotalMilliseconds:0} ms after the 429, which asked for 1 s.");
    }

    [Fact]
    public async Task A_500_fails_only_its_cell_with_the_providers_reason_and_the_run_goes_on()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        provider.FailWhen = messages => messages[^1].Content == "Capital of Italy?" && messages[0].Content == Loose ? new FakeFailure(500) : null;
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (registry, experimentId) = await CreateAsync(scope, provider, ("Capital of France?", "Paris"), ("Capital of Italy?", "Rome"), ("Capital of Spain?", "Madrid"));

        using var end = ExperimentEnd.Watch(host.Services).Of(experimentId);
        await registry.StartAsync(experimentId, Cancel);
        var progress = await end.WaitAsync();
        var cells = await scope.CellsAsync(experimentId);
        var failed = Assert.Single(cells, c => c.Status == CellStatus.Failed);
        var trace = await scope.TraceAsync(failed.TraceId!.Value);

        Assert.Equal((ExperimentStatus.Completed, 5, 1), (progress.Status, progress.Succeeded, progress.Failed));
        Assert.Equal((1, 1), (failed.VariantPosition, failed.ItemPosition == cells[2].ItemPosition ? 1 : 0));
        Assert.Contains("failed (HTTP 500)", failed.Error);
        Assert.Contains("Injected failure with status 500.", failed.Error);
        Assert.Empty(failed.Evaluations);
        Assert.Equal((TraceSource.Experiment, TraceStatus.Failed), (trace.Source, trace.Status));

        // Failed cells run again alone: the provider answers this time.
        provider.FailWhen = null;
        var before = provider.ChatArrivals.Count;
        using var rerun = ExperimentEnd.Watch(host.Services).Of(experimentId);
        await registry.RerunFailedAsync(experimentId, Cancel);
        var again = await rerun.WaitAsync();

        Assert.Equal((ExperimentStatus.Completed, 6, 0), (again.Status, again.Succeeded, again.Failed));
        Assert.Equal(before + 1, provider.ChatArrivals.Count);
        Assert.Equal("Loosely: Capital of Italy?", (await scope.CellsAsync(experimentId)).Single(c => c.Id == failed.Id).Output);
    }

    [Fact]
    public async Task Reaching_the_cost_cap_stops_the_run_skips_the_cells_left_and_says_why()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = _ => "Same answer";
        await using var host = await ServicesHost.StartAsync(settings: OneAtATime);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel, inputPrice: 1_000m, outputPrice: 1_000m);
        var prompt = await scope.PromptAsync(model.Id, "One", "Two");
        var dataset = await scope.QuestionsAsync(("q1", "a"), ("q2", "a"), ("q3", "a"), ("q4", "a"), ("q5", "a"));

        // The fake counts a word a token: "One"/"Two" (1 + 3), "qN" (1 + 3) and the answer (2): 10 tokens at $1,000 a million, $0.01 a cell.
        var registry = scope.Get<ExperimentRegistry>();
        var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt, costCap: 0.025m), Cancel);
        using var end = ExperimentEnd.Watch(host.Services).Of(experiment.Id);
        await registry.StartAsync(experiment.Id, Cancel);
        var progress = await end.WaitAsync();
        var cells = await scope.CellsAsync(experiment.Id);

        Assert.Equal((ExperimentStatus.StoppedByCap, 3, 7), (progress.Status, progress.Succeeded, progress.Skipped));
        Assert.Equal(0.03m, progress.Cost);
        Assert.Equal(3, provider.ChatArrivals.Count);
        Assert.Equal("Stopped: the cost cap of $0.025 was reached ($0.03 spent). The cells not run were skipped.", progress.StopReason);
        Assert.All(cells.Skip(3), c => Assert.Equal((CellStatus.SkippedByCap, ExperimentTexts.SkippedByCap), (c.Status, c.Error)));
        var refused = await Assert.ThrowsAsync<AiNative.Services.Platform.Errors.ConflictException>(() => registry.RerunFailedAsync(experiment.Id, Cancel));
        Assert.StartsWith($"'{experiment.Name}' spent $0.03 of its $0.025 cost cap", refused.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_cells_in_flight_and_cancels_those_not_run()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.HoldStreams();
        await using var host = await ServicesHost.StartAsync(settings: OneAtATime);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (registry, experimentId) = await CreateAsync(scope, provider, ("Capital of France?", "Paris"), ("Capital of Italy?", "Rome"));
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ChatArrived += _ => arrived.TrySetResult();

        using var end = ExperimentEnd.WatchFor(host.Services, p => p.Status == ExperimentStatus.Cancelled && p.Remaining == 0).Of(experimentId);
        await registry.StartAsync(experimentId, Cancel);
        await arrived.Task.WaitAsync(Cancel);
        var cancelled = await registry.CancelAsync(experimentId, Cancel);
        var progress = await end.WaitAsync();
        var cells = await scope.CellsAsync(experimentId);

        Assert.Equal(ExperimentStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled by Test User. The cells not run were cancelled.", progress.StopReason);
        Assert.Equal((4, 0), (progress.Cancelled, progress.Succeeded));
        Assert.Equal(ExperimentTexts.CancelledWhileRunning, cells[0].Error);
        Assert.All(cells.Skip(1), c => Assert.Equal(ExperimentTexts.CancelledBeforeRun, c.Error));
        Assert.Equal(TraceStatus.Cancelled, (await scope.TraceAsync(await TraceOfAsync(scope, experimentId))).Status);
        Assert.Single(provider.ChatArrivals);
    }

    [Fact]
    public async Task A_process_stopped_in_the_middle_resumes_in_a_new_host_without_running_a_finished_cell_again()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        await using var first = await ServicesHost.StartAsync(settings: OneAtATime);
        Guid experimentId;
        Guid teamId;
        await using (var scope = first.InTeam(teamId = await first.DemoTeamIdAsync()))
        {
            ExperimentRegistry registry;
            (registry, experimentId) = await CreateAsync(scope, provider, ("q1", "a1"), ("q2", "a2"), ("q3", "a3"));

            // After two cells, the next call is held in flight when the process stops.
            var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var twoDone = ExperimentEnd.WatchFor(first.Services, p => p.Succeeded == 2).Of(experimentId);
            first.Services.GetRequiredService<ExperimentEvents>().ProgressChanged += p =>
            {
                if (p.Succeeded == 2)
                {
                    provider.HoldStreams();
                }
            };
            provider.ChatArrived += _ =>
            {
                if (provider.ChatArrivals.Count == 3)
                {
                    inFlight.TrySetResult();
                }
            };
            await registry.StartAsync(experimentId, Cancel);
            await twoDone.WaitAsync();
            await inFlight.Task.WaitAsync(Cancel);
        }

        await first.StopAsync();
        provider.ReleaseStreams();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder, settings: OneAtATime);
        await using var again = second.InTeam(teamId);
        using var end = ExperimentEnd.Watch(second.Services).Of(experimentId);
        var progress = await end.WaitAsync(again);
        var cells = await again.CellsAsync(experimentId);
        var calls = provider.ChatArrivals.GroupBy(a => a.UserMessage).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal((ExperimentStatus.Completed, 6, 0), (progress.Status, progress.Succeeded, progress.Failed));
        Assert.All(cells, c => Assert.Equal(CellStatus.Succeeded, c.Status));

        // q1 ran on both variants before the stop; q2's baseline cell was in flight and ran again; nothing else twice.
        Assert.Equal((2, 3, 2), (calls["q1"], calls["q2"], calls["q3"]));
        Assert.Equal(7, provider.ChatArrivals.Count);
    }

    [Fact]
    public async Task A_cell_whose_runner_died_holding_it_is_taken_again_when_its_lease_ran_out_and_runs_once()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        provider.Reply = ReplyBySystem;
        await using var first = await ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:Experiments:RunnerEnabled"] = "false" });
        Guid experimentId;
        Guid teamId;
        await using (var scope = first.InTeam(teamId = await first.DemoTeamIdAsync()))
        {
            ExperimentRegistry registry;
            (registry, experimentId) = await CreateAsync(scope, provider, ("q1", "a1"));
            await registry.StartAsync(experimentId, Cancel);

            // As a killed process leaves it: claimed, its lease run out, nobody renewing it.
            await using var db = await scope.DbAsync();
            await db.ExperimentCells.Where(c => c.ExperimentId == experimentId && c.VariantPosition == 0).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CellStatus.Running)
                .SetProperty(c => c.LeaseOwner, "4242:dead")
                .SetProperty(c => c.ClaimId, Guid.NewGuid())
                .SetProperty(c => c.Attempts, 1)
                .SetProperty(c => c.LeaseExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Cancel);
        }

        await first.StopAsync();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder);
        await using var again = second.InTeam(teamId);
        using var end = ExperimentEnd.Watch(second.Services).Of(experimentId);
        var progress = await end.WaitAsync(again);
        var cells = await again.CellsAsync(experimentId);

        Assert.Equal((ExperimentStatus.Completed, 2), (progress.Status, progress.Succeeded));
        Assert.Equal(2, provider.ChatArrivals.Count);
        Assert.Equal(2, cells[0].Attempts);
    }

    [Fact]
    public async Task A_model_deleted_while_the_experiment_runs_fails_its_cells_with_the_reason()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:Experiments:RunnerEnabled"] = "false" });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var other = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, "One", "Two");
        var dataset = await scope.QuestionsAsync(("q1", "a1"));
        var input = ExperimentArrangements.Input(dataset.Id, prompt) is var i
            ? i with { Variants = [i.Variants[0], i.Variants[1] with { ModelId = other.Id }] }
            : null!;
        var registry = scope.Get<ExperimentRegistry>();
        var experiment = await registry.CreateAsync(input, Cancel);
        await using (var db = await scope.DbAsync())
        {
            await db.Models.Where(m => m.Id == other.Id).ExecuteDeleteAsync(Cancel);
        }

        scope.Get<AiNative.Services.Models.Pipeline.ModelCatalog>().Invalidate(model.TeamId);
        await registry.StartAsync(experiment.Id, Cancel);
        var cell = Assert.Single(await scope.CellsAsync(experiment.Id), c => c.VariantPosition == 1);
        var outcome = await scope.Get<AiNative.Services.Experiments.Running.CellExecution>().RunAsync(
            new AiNative.Services.Experiments.Running.ClaimedCell(cell.Id, Guid.NewGuid(), model.TeamId, "Demo", experiment.Id, cell.VariantId, cell.ProviderId,
                cell.ItemId, false, 1, 0, null, null), Cancel);

        var finished = Assert.IsType<AiNative.Services.Experiments.Running.CellFinished>(outcome);
        Assert.Equal(CellStatus.Failed, finished.Status);
        Assert.Equal($"The variant's model '{other.Name}' is no longer one of the team's models (deleted?). Run the experiment again with another model.", finished.Result.Error);
    }

    private static async Task<Guid> TraceOfAsync(TeamScope scope, Guid experimentId)
    {
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        return await db.Traces.Where(t => t.SessionId == experimentId.ToString()).Select(t => t.Id).SingleAsync(Cancel);
    }

    private static async Task<(ExperimentRegistry Registry, Guid ExperimentId)> CreateAsync(
        TeamScope scope, FakeOpenAiServer provider, params (string Question, string Expected)[] items)
    {
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, Exact, Loose);
        var dataset = await scope.QuestionsAsync(items);
        var registry = scope.Get<ExperimentRegistry>();
        var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt), Cancel);
        return (registry, experiment.Id);
    }

    /// <summary>The exact version answers with the capital (or the question's echo), the loose one with the question.</summary>
    private static string ReplyBySystem(IReadOnlyList<(string Role, string Content)> messages)
    {
        var question = messages[^1].Content;
        return messages[0].Content == Exact
            ? question switch
            {
                "Capital of France?" => "Paris",
                "Capital of Italy?" => "Rome",
                "Capital of Spain?" => "Madrid",
                _ => $"Exactly: {question}",
            }
            : $"Loosely: {question}";
    }
}
