using AiNative.Services.Evaluation;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Deterministic;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Tests.Evaluation;

public sealed class DeterministicEvaluatorTests
{
    private static readonly ExpectedOutputContext Paris = new("Paris");

    [Fact]
    public async Task Exact_match_compares_with_the_expected_output_ignoring_surrounding_whitespace_and_case_when_asked()
    {
        Assert.True(await new ExactMatchEvaluator("exact", ignoreCase: false).PassesAsync("  Paris\n", Paris));
        Assert.False(await new ExactMatchEvaluator("exact", ignoreCase: false).PassesAsync("paris", Paris));
        Assert.True(await new ExactMatchEvaluator("exact", ignoreCase: true).PassesAsync("PARIS", Paris));
        var metric = Assert.IsType<BooleanMetric>(await new ExactMatchEvaluator("exact", ignoreCase: false).ScoreAsync("Lyon", Paris));
        Assert.False(metric.Value);
        Assert.Equal(EvaluationRating.Unacceptable, metric.Interpretation!.Rating);
    }

    [Fact]
    public async Task An_item_without_an_expected_output_is_an_evaluator_error_not_a_failure()
    {
        var metric = await new ExactMatchEvaluator("exact", ignoreCase: false).ScoreAsync("Paris");

        Assert.True(EvaluatorMetrics.IsError(metric));
        Assert.Null(((BooleanMetric)metric).Value);
        Assert.Contains("expected output", metric.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contains_and_not_contains_look_for_the_configured_text_with_case_options()
    {
        Assert.True(await new ContainsEvaluator("c", "refund", ignoreCase: false, negate: false).PassesAsync("You get a refund in 5 days."));
        Assert.False(await new ContainsEvaluator("c", "refund", ignoreCase: false, negate: false).PassesAsync("Your REFUND is on its way."));
        Assert.True(await new ContainsEvaluator("c", "refund", ignoreCase: true, negate: false).PassesAsync("Your REFUND is on its way."));
        Assert.False(await new ContainsEvaluator("nc", "as an AI", ignoreCase: true, negate: true).PassesAsync("As an AI model I cannot say."));
        Assert.True(await new ContainsEvaluator("nc", "as an AI", ignoreCase: true, negate: true).PassesAsync("Paris."));
        Assert.True(await new ContainsEvaluator("c", null, ignoreCase: false, negate: false).PassesAsync("The capital is Paris.", Paris));
    }

    [Fact]
    public async Task Starts_with_ignores_leading_whitespace()
    {
        Assert.True(await new StartsWithEvaluator("s", "Answer:", ignoreCase: false).PassesAsync("\n Answer: 42"));
        Assert.False(await new StartsWithEvaluator("s", "Answer:", ignoreCase: false).PassesAsync("The answer: 42"));
    }

    [Fact]
    public async Task Regex_matches_and_a_catastrophic_pattern_times_out_as_an_error()
    {
        Assert.True(await new RegexEvaluator("r", @"^\d{3}-\d{4}$", ignoreCase: false).PassesAsync("555-1234"));
        Assert.False(await new RegexEvaluator("r", @"^\d{3}-\d{4}$", ignoreCase: false).PassesAsync("call 555-1234"));

        var metric = await new RegexEvaluator("r", "^(a+)+$", ignoreCase: false).ScoreAsync(new string('a', 5000) + "!");

        Assert.True(EvaluatorMetrics.IsError(metric));
        Assert.Contains("took longer than 200 ms", metric.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_json_and_json_schema_check_the_output()
    {
        Assert.True(await new ValidJsonEvaluator("j").PassesAsync("""{"a": [1, 2]}"""));
        Assert.False(await new ValidJsonEvaluator("j").PassesAsync("{a: 1}"));
        var schema = JsonSchemaEvaluator.Read("""{"type":"object","properties":{"age":{"type":"integer","minimum":0}},"required":["age"]}""");
        Assert.True(await new JsonSchemaEvaluator("s", schema).PassesAsync("""{"age": 30}"""));
        var wrong = await new JsonSchemaEvaluator("s", schema).ScoreAsync("""{"age": -1}""");
        Assert.False(((BooleanMetric)wrong).Value);
        Assert.Contains("age", wrong.Reason, StringComparison.Ordinal);
        Assert.False(await new JsonSchemaEvaluator("s", schema).PassesAsync("not json"));
    }

    [Fact]
    public async Task Json_field_equals_follows_a_path_and_compares_numbers_as_numbers()
    {
        var path = JsonFieldPath.TryParse("$.order.items[1].sku", out _)!;
        const string output = """{"order": {"items": [{"sku": "A1"}, {"sku": "B2", "qty": 2.0}]}}""";

        Assert.True(await new JsonFieldEqualsEvaluator("f", path, "B2").PassesAsync(output));
        Assert.False(await new JsonFieldEqualsEvaluator("f", path, "A1").PassesAsync(output));
        Assert.True(await new JsonFieldEqualsEvaluator("f", JsonFieldPath.TryParse("order.items[1].qty", out _)!, "2").PassesAsync(output));
        var missing = await new JsonFieldEqualsEvaluator("f", JsonFieldPath.TryParse("$.order.total", out _)!, "3").ScoreAsync(output);
        Assert.Equal("The output has no field at $.order.total.", missing.Reason);
        Assert.Null(JsonFieldPath.TryParse("$.items[x]", out var problem));
        Assert.Contains("bad index", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numeric_tolerance_reads_the_first_number_of_the_output()
    {
        var expected = new ExpectedOutputContext("42");
        Assert.True(await new NumericToleranceEvaluator("n", null, 0.5).PassesAsync("The total is 41.6 euros.", expected));
        Assert.False(await new NumericToleranceEvaluator("n", null, 0.5).PassesAsync("41.4", expected));
        Assert.False(await new NumericToleranceEvaluator("n", "1e3", 1).PassesAsync("no number here"));
        Assert.True(await new NumericToleranceEvaluator("n", "1e3", 1).PassesAsync("1000.5"));
    }

    [Fact]
    public async Task Latency_cost_and_length_check_the_call_and_the_text()
    {
        var call = new CallMeasuresContext(TimeSpan.FromMilliseconds(850), 0.0021m);
        Assert.True(await new LatencyUnderEvaluator("l", TimeSpan.FromSeconds(1)).PassesAsync("x", call));
        Assert.False(await new LatencyUnderEvaluator("l", TimeSpan.FromMilliseconds(500)).PassesAsync("x", call));
        Assert.True(await new CostUnderEvaluator("c", 0.01m).PassesAsync("x", call));
        Assert.False(await new CostUnderEvaluator("c", 0.001m).PassesAsync("x", call));
        Assert.True(EvaluatorMetrics.IsError(await new CostUnderEvaluator("c", 0.01m).ScoreAsync("x", new CallMeasuresContext(TimeSpan.Zero, null))));
        Assert.True(await new LengthInRangeEvaluator("len", 3, 10).PassesAsync("  Paris  "));
        Assert.False(await new LengthInRangeEvaluator("len", null, 3).PassesAsync("Paris"));
    }

    [Fact]
    public async Task Graded_text_similarities_pass_at_their_threshold()
    {
        var expected = new ExpectedOutputContext("The meeting is on Monday at 10am.");

        var close = (NumericMetric)await new LevenshteinEvaluator("lev", 0.8, ignoreCase: false).ScoreAsync("The meeting is on Monday at 11am.", expected);
        var rouge = (NumericMetric)await new RougeLEvaluator("rouge", 0.5).ScoreAsync("Monday at 10am is the meeting.", expected);
        var bleu = (NumericMetric)await new BleuEvaluator("bleu", 0.3).ScoreAsync("The meeting is on Monday at 10am.", expected);

        Assert.Equal(1 - (1 / 33.0), close.Value!.Value, 9);
        Assert.False(close.Interpretation!.Failed);
        Assert.Equal(6 / 13.0, rouge.Value!.Value, 9);
        Assert.True(rouge.Interpretation!.Failed, "6/13 is below the threshold of 0.5");
        Assert.Equal(1, bleu.Value!.Value, 9);
    }
}
