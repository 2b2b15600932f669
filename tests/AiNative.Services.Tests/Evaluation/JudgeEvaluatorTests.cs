using AiNative.Services.Evaluation;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Embeddings;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Tests.Evaluation;

/// <summary>Judges run the seeded rubric prompts on the fake provider, whose answers each test scripts.</summary>
public sealed class JudgeEvaluatorTests : IAsyncLifetime
{
    private TeamWithProvider _bed = null!;

    private ModelDefinition _model = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bed = await TeamWithProvider.StartAsync(TeamRole.Viewer);
        _model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task A_judge_scores_through_the_rubric_prompt_with_a_json_schema_answer_and_records_its_call()
    {
        _bed.Provider.Reply = _ => """{"score": 4, "reason": "Correct but terse."}""";
        var judge = await JudgeAsync(RubricPrompts.Quality, threshold: 4, needsContext: false);

        var metric = Assert.IsType<NumericMetric>(await judge.ScoreAsync("Paris.", new ExpectedOutputContext("Paris is the capital.")));

        Assert.Equal(4, metric.Value);
        Assert.False(metric.Interpretation!.Failed);
        Assert.Equal("4/5: Correct but terse.", metric.Reason);
        var body = _bed.Provider.Requests.Single(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Body!;
        Assert.Equal("json_schema", body["response_format"]?["type"]?.GetValue<string>());
        var user = body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        Assert.Contains("Expected answer (may be empty):\nParis is the capital.", user, StringComparison.Ordinal);
        Assert.Contains("The assistant's answer:\nParis.", user, StringComparison.Ordinal);

        var traceId = Guid.Parse(metric.Metadata![JudgeContext.TraceMetadata]);
        Assert.True(await _bed.Scope.Get<TraceWriter>().CatchUpAsync(TimeSpan.FromSeconds(30), Cancel));
        await using var db = await _bed.Scope.DbAsync();
        var trace = await db.Traces.SingleAsync(t => t.Id == traceId, Cancel);
        Assert.Equal((TraceSource.Evaluator, RubricPrompts.Quality.Name), (trace.Source, trace.PromptName));
    }

    [Fact]
    public async Task A_judge_answer_that_cannot_be_read_is_an_evaluator_error_never_a_zero()
    {
        _bed.Provider.Reply = _ => "I would give it a solid four.";
        var judge = await JudgeAsync(RubricPrompts.Quality, threshold: 4, needsContext: false);

        var metric = Assert.IsType<NumericMetric>(await judge.ScoreAsync("Paris."));

        Assert.Null(metric.Value);
        Assert.True(EvaluatorMetrics.IsError(metric));
        Assert.Null(metric.Interpretation);
        Assert.Equal("The judge's answer is not the JSON object its rubric asks for: 'I would give it a solid four.'", metric.Reason);

        _bed.Provider.Reply = _ => """{"score": 9, "reason": "Great"}""";
        var outOfRange = await judge.ScoreAsync("Paris.");
        Assert.True(EvaluatorMetrics.IsError(outOfRange));
        Assert.StartsWith("The judge's answer has no whole score from 1 to 5", outOfRange.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_judge_whose_model_call_fails_reports_the_provider_reason_as_an_error()
    {
        var judge = await JudgeAsync(RubricPrompts.Quality, threshold: 4, needsContext: false);
        _bed.Provider.FailNext(1, 500);

        var metric = await judge.ScoreAsync("Paris.");

        Assert.True(EvaluatorMetrics.IsError(metric));
        Assert.StartsWith("The judge's model call failed:", metric.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faithfulness_judges_the_answer_against_the_retrieved_passages_and_needs_them()
    {
        _bed.Provider.Reply = _ => """{"score": 2, "reason": "The refund period is not in the passages."}""";
        var judge = await JudgeAsync(RubricPrompts.Faithfulness, threshold: 4, needsContext: true);
        var retrieved = new RetrievedDocumentsContext([new RetrievedDocument("policy.md", "Orders ship within 2 days.")]);

        var metric = (NumericMetric)await judge.ScoreAsync("Refunds take 30 days.", retrieved);
        var missing = await judge.ScoreAsync("Refunds take 30 days.");

        Assert.Equal(2, metric.Value);
        Assert.True(metric.Interpretation!.Failed);
        var user = _bed.Provider.Requests.Last().Body!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        Assert.Contains("[1] Orders ship within 2 days.", user, StringComparison.Ordinal);
        Assert.True(EvaluatorMetrics.IsError(missing));
        Assert.StartsWith("Faithfulness needs the passages retrieval found", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pairwise_judge_swaps_positions_and_calls_a_position_bias_a_tie()
    {
        var judge = new PairwiseJudgeEvaluator("preference", _bed.Scope.Get<JudgeRunner>(), await RubricAsync(RubricPrompts.Pairwise));
        var baseline = new BaselineOutputContext("Paris, maybe.");

        // A judge that always prefers the first answer it reads: the two orders disagree.
        _bed.Provider.Reply = _ => """{"winner": "first", "reason": "The first is better."}""";
        var biased = (NumericMetric)await judge.ScoreAsync("Paris.", baseline);

        // A judge that prefers the variant's answer wherever it stands.
        _bed.Provider.Reply = messages => messages[^1].Content.Contains("First answer:\nParis.\n", StringComparison.Ordinal)
            ? """{"winner": "first", "reason": "Direct."}"""
            : """{"winner": "second", "reason": "Direct."}""";
        var consistent = (NumericMetric)await judge.ScoreAsync("Paris.", baseline);

        Assert.Equal(PairwiseJudgeEvaluator.Tie, biased.Value);
        Assert.StartsWith("A tie: the two orders disagree", biased.Reason, StringComparison.Ordinal);
        Assert.Equal(PairwiseJudgeEvaluator.Win, consistent.Value);
        Assert.Equal(4, _bed.Provider.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Embedding_similarity_compares_the_output_and_the_expected_output_through_the_embedding_model()
    {
        var embedding = await _bed.Scope.AddOpenAiCompatibleModelAsync(
            _bed.Provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        var evaluator = new EmbeddingSimilarityEvaluator("similar", _bed.Scope.Get<ModelInvoker>(), embedding.Id, threshold: 0.99);

        var same = (NumericMetric)await evaluator.ScoreAsync("The capital of France is Paris.", new ExpectedOutputContext("The capital of France is Paris."));
        var missing = await evaluator.ScoreAsync("Paris.");

        Assert.Equal(1, same.Value!.Value, 5);
        Assert.False(same.Interpretation!.Failed);
        Assert.True(EvaluatorMetrics.IsError(missing));
    }

    private async Task<JudgeEvaluator> JudgeAsync(RubricPrompt rubric, double threshold, bool needsContext) =>
        new("judge", _bed.Scope.Get<JudgeRunner>(), await RubricAsync(rubric), threshold, needsContext);

    private async Task<JudgeRubric> RubricAsync(RubricPrompt rubric)
    {
        await using var db = await _bed.Scope.DbAsync();
        var promptId = await db.Prompts.Where(p => p.Name == rubric.Name).Select(p => p.Id).SingleAsync(Cancel);
        return new JudgeRubric(promptId, ModelId: _model.Id);
    }
}
