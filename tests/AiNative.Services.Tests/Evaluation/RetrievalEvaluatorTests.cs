using AiNative.Services.Evaluation;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Retrieval;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Tests.Evaluation;

public sealed class RetrievalEvaluatorTests
{
    private static readonly RetrievedDocumentsContext Retrieved = new(
    [
        new RetrievedDocument("pricing.md", "Plans start at $10."),
        new RetrievedDocument("faq.md", "Refunds take 5 days."),
        new RetrievedDocument("refunds.md", "Refunds are paid to the card."),
    ]);

    [Fact]
    public async Task Hit_rate_and_reciprocal_rank_find_the_first_expected_document()
    {
        var expected = new ExpectedDocumentsContext(["refunds.md", "FAQ.md"]);

        var hit = (BooleanMetric)await new HitRateEvaluator("hit", topK: null).ScoreAsync("answer", expected, Retrieved);
        var rank = (NumericMetric)await new ReciprocalRankEvaluator("mrr", topK: null, threshold: 0.5).ScoreAsync("answer", expected, Retrieved);
        var outsideTopOne = await new HitRateEvaluator("hit", topK: 1).PassesAsync("answer", expected, Retrieved);

        Assert.True(hit.Value);
        Assert.Equal(0.5, rank.Value);
        Assert.Equal("The first expected document was retrieved at rank 2: 1/2 = 0.5.", rank.Reason);
        Assert.False(outsideTopOne);
    }

    [Fact]
    public async Task A_miss_scores_zero_and_missing_inputs_are_errors()
    {
        var miss = (NumericMetric)await new ReciprocalRankEvaluator("mrr", null, 0.5).ScoreAsync("answer", new ExpectedDocumentsContext(["other.md"]), Retrieved);
        var noExpected = await new HitRateEvaluator("hit", null).ScoreAsync("answer", Retrieved);
        var nothingRetrieved = await new HitRateEvaluator("hit", null).ScoreAsync("answer", new ExpectedDocumentsContext(["faq.md"]));

        Assert.Equal(0, miss.Value);
        Assert.True(miss.Interpretation!.Failed);
        Assert.True(EvaluatorMetrics.IsError(noExpected));
        Assert.True(EvaluatorMetrics.IsError(nothingRetrieved));
        Assert.Contains("retrieved nothing", nothingRetrieved.Reason, StringComparison.Ordinal);
    }
}
