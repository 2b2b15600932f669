using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>A portal of its own, so the history holds only this journey's runs.</summary>
public sealed partial class RetrievalJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string HandbookAnswer = "Provider API keys are encrypted at rest and never shown again after they are saved [1].";

    [Fact]
    public async Task The_handbook_answer_runs_with_the_handbooks_sources_in_its_trace_and_reopens_from_history()
    {
        await browser.Portal.CreateAdministratorAsync();
        await browser.Portal.Services.WaitUntilReadyAsync(await browser.Portal.DemoTeamIdAsync(), KnowledgeArrangements.Handbook);
        await using var session = await browser.NewPageAsync();
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        var page = session.Page;
        await page.GotoAsync("/playground");
        await session.WaitForInteractiveAsync();

        await session.PickAsync("prompt-picker", "Handbook answer");
        await Expect(page.GetByTestId("version-retrieval")).ToContainTextAsync("Up to 5 chunks of Portal handbook that match {{$question}}");
        await Expect(page.GetByTestId("variable-input")).ToHaveCountAsync(1);
        await page.GetByTestId("run-button").ClickAsync();

        var output = page.GetByTestId("output-text");
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");
        await Expect(output).ToContainTextAsync(HandbookAnswer);
        await Expect(page).ToHaveURLAsync(RunAddress());
        var runAddress = page.Url;
        await ExpectRetrieveSpanAsync(page);
        await page.ExpectAccessibleAsync();

        await page.GotoAsync("/playground");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("output-empty")).ToBeVisibleAsync();
        await page.GetByTestId("run-history").GetByTestId("history-open").ClickAsync();

        await Expect(page).ToHaveURLAsync(runAddress);
        await Expect(output).ToContainTextAsync(HandbookAnswer);
        await ExpectRetrieveSpanAsync(page);
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// The trace starts with the retrieve step (then its query's embedding, the render and the model call), whose
    /// sources list the handbook's page on keys first, with its scores.
    /// </summary>
    private static async Task ExpectRetrieveSpanAsync(IPage page)
    {
        var spans = page.GetByTestId("trace-span");
        await Expect(spans).ToHaveCountAsync(4);
        var retrieve = spans.First;
        await Expect(retrieve.GetByText("retrieve", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(retrieve).ToContainTextAsync("How are provider API keys stored?");
        await retrieve.GetByText(SourcesPattern()).ClickAsync();
        var best = retrieve.GetByTestId("retrieved-hit").First;
        await Expect(best.Locator("td").Nth(0)).ToHaveTextAsync("[1]");
        await Expect(best.Locator("td").Nth(1)).ToHaveTextAsync("models.md › Models › Keys and limits");
        foreach (var score in new[] { 2, 3, 4, 5 })
        {
            await Expect(best.Locator("td").Nth(score)).ToHaveTextAsync(ScorePattern());
        }
    }

    [GeneratedRegex(@"/playground\?run=[0-9a-f-]{36}$")]
    private static partial Regex RunAddress();

    [GeneratedRegex(@"^\d+ sources: their documents and scores$")]
    private static partial Regex SourcesPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex ScorePattern();
}
