using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Review;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Scoring;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Experiments;

/// <summary>
/// Six questions: the baseline answers each right, the other variant each wrong ("Not …"); the "quality" judge gives a
/// right answer 5 and a wrong one 1 (threshold 3), so it passes the baseline's cells and fails the others.
/// </summary>
public sealed class ExperimentReviewTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["q1"] = "Paris", ["q2"] = "Rome", ["q3"] = "Madrid", ["q4"] = "Berlin", ["q5"] = "Lisbon", ["q6"] = "Vienna",
    };

    private FakeOpenAiServer _provider = null!;

    private ServicesHost _host = null!;

    private TeamScope _scope = null!;

    private Guid _experimentId;

    private List<ExperimentCell> _cells = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ExperimentReview Review => _scope.Get<ExperimentReview>();

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenAiServer.StartAsync();
        _provider.ChunkDelay = TimeSpan.Zero;
        _provider.Reply = messages => (messages[0].Content, messages[^1].Content) switch
        {
            (_, var judged) when judged.Contains("The assistant's answer:", StringComparison.Ordinal) =>
                judged.Contains("answer:\nNot ", StringComparison.Ordinal) ? """{"score": 1, "reason": "Wrong."}""" : """{"score": 5, "reason": "Right."}""",
            ("Right.", var q) => Answers[q],
            (_, var q) => $"Not {Answers[q]}",
        };
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync());
        var model = await _scope.AddOpenAiCompatibleModelAsync(_provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await _scope.PromptAsync(model.Id, "Right.", "Wrong.");
        var dataset = await _scope.QuestionsAsync([.. Answers.Select(a => (a.Key, a.Value))]);
        await using (var db = await _scope.DbAsync())
        {
            var rubric = await db.Prompts.Where(p => p.Name == RubricPrompts.Quality.Name).Select(p => p.Id).SingleAsync(Cancel);
            var judge = await _scope.EvaluatorAsync("quality", EvaluatorKind.Judge, new EvaluatorSettings { PromptId = rubric, ModelId = model.Id, Threshold = 3 });
            var registry = _scope.Get<ExperimentRegistry>();
            var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt, null, judge), Cancel);
            _experimentId = experiment.Id;
        }

        using var end = ExperimentEnd.Watch(_host.Services).Of(_experimentId);
        await _scope.Get<ExperimentRegistry>().StartAsync(_experimentId, Cancel);
        await end.WaitAsync();
        _cells = await _scope.CellsAsync(_experimentId);
        var definitions = _scope.Get<ScoreDefinitions>();
        await definitions.CreateAsync(new ScoreDefinitionInput { Name = "thumbs", DataType = ScoreDataType.Boolean }, Cancel);
        await definitions.CreateAsync(new ScoreDefinitionInput { Name = "rating", DataType = ScoreDataType.Numeric, Minimum = 1, Maximum = 5 }, Cancel);
        await definitions.CreateAsync(new ScoreDefinitionInput { Name = "tone", DataType = ScoreDataType.Categorical, Categories = ["formal", "casual"] }, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_queue_walks_unreviewed_cells_in_order_with_their_item_and_output_and_skips_on_request()
    {
        var first = await Review.NextAsync(_experimentId, "thumbs", null, Cancel);
        await Review.ScoreAsync(_experimentId, first.Next!.CellId, new ScoreInput { Name = "thumbs", Value = 1, Comment = " Good. " }, Cancel);
        var second = await Review.NextAsync(_experimentId, "thumbs", null, Cancel);
        var skipped = await Review.NextAsync(_experimentId, "thumbs", second.Next!.CellId, Cancel);
        var otherScore = await Review.NextAsync(_experimentId, "rating", null, Cancel);

        Assert.Equal(("thumbs", 0, 12), (first.ScoreName, first.Reviewed, first.Total));
        Assert.Equal((_cells[0].Id, 1L, "{\"question\":\"q1\"}", "Paris", "Paris"),
            (first.Next.CellId, first.Next.ItemPosition, first.Next.Input, first.Next.ExpectedOutput, first.Next.Output));
        Assert.Equal((1, _cells[1].Id, "Not Paris"), (second.Reviewed, second.Next.CellId, second.Next.Output));
        Assert.Equal(_cells[2].Id, skipped.Next!.CellId);
        Assert.Equal((0, _cells[0].Id), (otherScore.Reviewed, otherScore.Next!.CellId));
        await using var db = await _scope.DbAsync();
        var saved = await db.Scores.SingleAsync(s => s.Source == ScoreSource.Human, Cancel);
        Assert.Equal((_cells[0].TraceId, "thumbs", 1d, "Good."), (saved.TraceId, saved.Name, saved.NumericValue!.Value, saved.Comment));
    }

    [Fact]
    public async Task Every_cell_reviewed_leaves_an_empty_queue_and_the_summary_shows_the_human_score_per_variant()
    {
        foreach (var (cell, i) in _cells.Select((c, i) => (c, i)))
        {
            await Review.ScoreAsync(_experimentId, cell.Id, new ScoreInput { Name = "tone", StringValue = i % 3 == 0 ? "formal" : "casual" }, Cancel);
        }

        var queue = await Review.NextAsync(_experimentId, "tone", null, Cancel);
        var summary = await _scope.Get<ExperimentReviewSummaries>().GetAsync(_experimentId, Cancel);

        Assert.Equal((12, 12, null), (queue.Reviewed, queue.Total, queue.Next));
        var tone = Assert.Single(summary.Scores);
        Assert.Equal(("tone", ScoreDataType.Categorical), (tone.Name, tone.DataType));
        Assert.Equal([new LabelCount("casual", 4), new LabelCount("formal", 2)], tone.Variants[0].Labels);
        Assert.Equal(6, tone.Variants[1].Count);

        // Labels have no pass, so the judge is not compared with them.
        Assert.Empty(summary.Judges);
    }

    [Fact]
    public async Task The_judge_agreement_shows_once_five_cells_have_both_scores()
    {
        // People say yes to the baseline's answers but the first, and no to the other's but the second (item 2).
        bool Thumb(ExperimentCell c) => c.IsBaseline ? c.ItemPosition != 1 : c.ItemPosition == 2;
        foreach (var cell in _cells.Take(4))
        {
            await Review.ScoreAsync(_experimentId, cell.Id, new ScoreInput { Name = "thumbs", Value = Thumb(cell) ? 1 : 0 }, Cancel);
        }

        var early = await _scope.Get<ExperimentReviewSummaries>().GetAsync(_experimentId, Cancel);
        foreach (var cell in _cells.Skip(4))
        {
            await Review.ScoreAsync(_experimentId, cell.Id, new ScoreInput { Name = "thumbs", Value = Thumb(cell) ? 1 : 0 }, Cancel);
        }

        var summary = await _scope.Get<ExperimentReviewSummaries>().GetAsync(_experimentId, Cancel);

        Assert.Equal(("quality", "thumbs", 4, null), (early.Judges[0].Judge, early.Judges[0].HumanScore, early.Judges[0].Pairs, early.Judges[0].Calibration));
        var agreement = Assert.Single(summary.Judges);
        Assert.Equal(12, agreement.Pairs);

        // Rows the person (fail, pass), columns the judge: 5 1 / 1 5. Accuracy 10/12; chance 6/12·6/12 + 6/12·6/12 = 0.5;
        // kappa (10/12 − 0.5) / (1 − 0.5) = 2/3.
        var calibration = agreement.Calibration!;
        Assert.Equal(["fail", "pass"], calibration.Labels);
        Assert.Equal([[5, 1], [1, 5]], calibration.Matrix.Select(r => r.ToArray()));
        Assert.Equal(10 / 12d, calibration.Accuracy, 9);
        Assert.Equal(2 / 3d, calibration.Kappa!.Value, 9);
        var thumbs = Assert.Single(summary.Scores);
        Assert.Equal((5 / 6d, 1 / 6d), (thumbs.Variants[0].Mean!.Mean, thumbs.Variants[1].Mean!.Mean), (a, b) => Math.Abs(a.Item1 - b.Item1) + Math.Abs(a.Item2 - b.Item2) < 1e-9);
    }

    [Fact]
    public async Task A_score_outside_its_scale_an_unknown_score_and_a_viewer_are_refused_saying_why()
    {
        var outside = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Review.ScoreAsync(_experimentId, _cells[0].Id, new ScoreInput { Name = "rating", Value = 6 }, Cancel));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Review.NextAsync(_experimentId, "stars", null, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(
            () => Review.ScoreAsync(_experimentId, Guid.NewGuid(), new ScoreInput { Name = "rating", Value = 3 }, Cancel));
        await using var viewer = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => viewer.Get<ExperimentReview>().ScoreAsync(_experimentId, _cells[0].Id, new ScoreInput { Name = "rating", Value = 3 }, Cancel));
        Assert.Equal("6 is outside the range of 'rating' from 1 to 5.", outside.Errors["Value"][0]);
        Assert.StartsWith("The team has no score named 'stars'.", unknown.Errors["Score"][0], StringComparison.Ordinal);
        Assert.Equal(0, (await viewer.Get<ExperimentReview>().NextAsync(_experimentId, "rating", null, Cancel)).Reviewed);
    }
}
