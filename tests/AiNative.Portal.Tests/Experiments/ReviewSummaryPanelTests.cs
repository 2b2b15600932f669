using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Experiments;

public sealed class ReviewSummaryPanelTests : PortalComponentTest
{
    private readonly FakeExperimentReviewApi _review = new();

    public ReviewSummaryPanelTests()
    {
        Services.AddSingleton<IExperimentReviewApi>(_review);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Peoples_scores_show_per_variant_and_each_judge_its_agreement_or_how_many_scores_it_still_needs()
    {
        _review.Summary = new ReviewSummaryDto(
            [new HumanScoreSummaryDto("correct", ScoreDataTypeDto.Boolean,
                [new HumanVariantScoreDto("v1", 6, 5 / 6d, 0.5, 1, []), new HumanVariantScoreDto("v2", 0, null, null, null, [])])],
            [
                new JudgeAgreementDto("quality", "correct", 12, 10 / 12d, 2 / 3d, ["fail", "pass"], [[5, 1], [1, 5]]),
                new JudgeAgreementDto("faithful", "correct", 3, null, null, [], []),
            ],
            5);

        var panel = Render<ReviewSummaryPanel>(p => p.Add(r => r.ExperimentId, Guid.NewGuid()));

        var human = panel.Find("[data-testid=human-scores]");
        Assert.Contains("correct (people)", human.TextContent);
        Assert.Contains("83% yes [50%, 100%] (n = 6)", human.TextContent.Replace("\u00a0", " ", StringComparison.Ordinal).Replace(" %", "%", StringComparison.Ordinal));
        Assert.Contains("not reviewed", human.TextContent);
        var quality = panel.FindAll("[data-testid=judge-agreement] tr").First(r => r.TextContent.Contains("quality", StringComparison.Ordinal));
        Assert.Contains("0.67 (substantial)", quality.TextContent);
        Assert.Equal(["5", "1", "1", "5"], quality.QuerySelectorAll(".review-matrix td").Select(c => c.TextContent));
        Assert.Equal("Not enough human scores yet (3 of 5)", panel.Find("[data-testid=agreement-not-enough]").TextContent);
    }

    [Fact]
    public void Before_anyone_reviewed_the_panel_says_how_to_start()
    {
        var panel = Render<ReviewSummaryPanel>(p => p.Add(r => r.ExperimentId, Guid.NewGuid()));

        Assert.Contains("Open \"Review cells\"", panel.Find("[data-testid=review-summary-empty]").TextContent);
        Assert.EndsWith("/review", panel.Find("[data-testid=open-review]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
