using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using AiNative.Portal.Tests.Traces;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiNative.Portal.Tests.Experiments;

public sealed class ReviewQueuePageTests : PortalComponentTest
{
    private readonly FakeExperimentReviewApi _review = new();

    private readonly FakeTracesApi _traces = new();

    public ReviewQueuePageTests()
    {
        Services.AddSingleton<IExperimentReviewApi>(_review);
        Services.AddSingleton<ITracesApi>(_traces);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_reviewer_scores_saves_and_skips_with_the_keyboard_until_every_cell_is_reviewed()
    {
        var page = Open(TeamRoleDto.Editor, "helpfulness");
        Assert.Equal("0 of 3 reviewed", page.Find("[data-testid=review-progress]").TextContent);
        Assert.Equal("Keys: 1 1, 2 2, 3 3, 4 4, 5 5 · Enter save and next · s skip", Normalized(page.Find("[data-testid=review-keys]").TextContent));
        Assert.Contains("Question 1", page.Find("[data-testid=review-input]").TextContent);
        Assert.Equal("Expected 1", page.Find("[data-testid=review-expected]").TextContent);
        var output = page.Find("[data-testid=review-output]");
        Assert.Equal("capital", output.QuerySelector("strong")!.TextContent);
        Assert.Empty(page.FindAll("script"));

        Press(page, "4");
        Assert.Equal("true", page.Find("[data-testid=review-choice-4]").GetAttribute("aria-pressed"));
        Press(page, "Enter");
        page.WaitForAssertion(() => Assert.Equal("1 of 3 reviewed", page.Find("[data-testid=review-progress]").TextContent));
        Assert.Contains("Item 2", page.Find("[data-testid=review-cell]").TextContent);
        Press(page, "s");
        page.WaitForAssertion(() => Assert.Contains("Item 3", page.Find("[data-testid=review-cell]").TextContent));
        Press(page, "2");
        Press(page, "Enter");
        page.WaitForAssertion(() => Assert.Contains("Item 2", page.Find("[data-testid=review-cell]").TextContent));
        Press(page, "5");
        Press(page, "Enter");

        page.WaitForAssertion(() => Assert.Contains("All 3 cells have a person's 'helpfulness' score", page.Find("[data-testid=review-done]").TextContent));
        Assert.Equal([(1L, 4d), (3, 2), (2, 5)], _review.Scored.Select(s => (_review.Cells.Single(c => c.CellId == s.CellId).Number, s.Request.Value!.Value)));
    }

    [Fact]
    public void A_yes_no_score_takes_y_and_n_and_a_viewer_reads_without_scoring()
    {
        var page = Open(TeamRoleDto.Viewer, "correct");

        Assert.Contains("scoring needs an editor", page.Markup);
        Assert.True(page.Find("[data-testid=review-save]").HasAttribute("disabled"));
        Press(page, "y");
        Press(page, "Enter");
        Assert.Empty(_review.Scored);
        Assert.Equal("Keys: y Yes, n No · Enter save and next · s skip", Normalized(page.Find("[data-testid=review-keys]").TextContent));
    }

    [Fact]
    public void Without_a_score_definition_the_page_says_where_to_define_one()
    {
        _traces.Definitions.Clear();

        var page = Open(TeamRoleDto.Editor, null);

        Assert.Contains("Define one", page.Find("[data-testid=review-no-scores]").TextContent);
        Assert.Equal("traces", page.Find("[data-testid=review-no-scores] a").GetAttribute("href"));
    }

    private IRenderedComponent<ReviewQueuePage> Open(TeamRoleDto role, string? score)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("score", score));
        var page = RenderWithPopovers<ReviewQueuePage>(p => p.Add(r => r.ExperimentId, Guid.NewGuid()).AddCascadingValue(SessionAs(role)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Loading the review']")));
        return page;
    }

    private static void Press(IRenderedComponent<ReviewQueuePage> page, string key) =>
        page.Find("[data-testid=review-cell]").KeyDown(new KeyboardEventArgs { Key = key });

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
