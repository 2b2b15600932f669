using System.Text.RegularExpressions;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>A portal of its own, so the traces are only this journey's.</summary>
public sealed partial class TracesJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string DemoAnswer = "Echo: Question: How do I promote a new prompt version to production?";

    [Fact]
    public async Task A_person_runs_a_prompt_opens_its_trace_from_the_history_reads_its_steps_and_scores_it()
    {
        await browser.Portal.CreateAdministratorAsync();
        var model = await ArrangeModelAsync();
        await using var session = await browser.NewPageAsync();
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        var page = session.Page;
        await page.GotoAsync("/playground");
        await session.WaitForInteractiveAsync();
        await session.PickAsync("prompt-picker", "Support answer");
        await session.PickAsync("model-picker", model.Name);
        await page.GetByTestId("run-button").ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");

        await page.GetByTestId("run-history").GetByTestId("history-trace").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(TraceAddress());
        await session.WaitForInteractiveAsync();
        var traceAddress = page.Url;

        var steps = page.GetByTestId("observation");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0)).ToHaveAttributeAsync("data-observation-type", "Render");
        await Expect(steps.Nth(1)).ToHaveAttributeAsync("data-observation-type", "Generation");
        await Expect(page.GetByTestId("waterfall-bar")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("trace-output")).ToContainTextAsync(DemoAnswer);
        var generation = steps.Nth(1).GetByTestId("observation-toggle");
        await generation.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(generation).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByTestId("observation-output")).ToContainTextAsync(DemoAnswer);
        await Expect(page.GetByTestId("observation-input").GetByTestId("rendered-message").Last).ToContainTextAsync("Question: How do I promote");
        await page.ExpectAccessibleAsync();

        await session.PickAsync("score-name", "helpfulness");
        await page.GetByTestId("score-number").FillAsync("4");
        await page.GetByTestId("score-comment").FillAsync("Right, and it names the label to move.");
        await page.GetByTestId("add-score-button").ClickAsync();
        var score = page.GetByTestId("scores-table").Locator("tbody tr");
        await Expect(score).ToHaveCountAsync(1);
        await Expect(score).ToContainTextAsync("helpfulness");
        await Expect(score.GetByTestId("score-value")).ToHaveTextAsync("4");
        await Expect(score).ToContainTextAsync("Right, and it names the label to move.");
        await Expect(score).ToContainTextAsync(PortalFactory.AdminName);
        await page.ExpectAccessibleAsync();

        // The score was saved, not only shown: the trace reads it back, and the list finds the trace by it.
        await page.GotoAsync(traceAddress);
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("scores-table").Locator("tbody tr")).ToContainTextAsync("Right, and it names the label to move.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Traces", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/traces$"));
        await session.WaitForInteractiveAsync();
        // Ingesting the demo handbook recorded traces too; only the run has a helpfulness score.
        await session.PickAsync("score-filter", "helpfulness");
        await Expect(page.GetByTestId("trace-count")).ToHaveTextAsync("1 trace");
        var run = page.GetByTestId("traces-table").Locator("tbody tr").Filter(new() { Has = page.GetByText("Playground", new() { Exact = true }) });
        await Expect(run).ToHaveCountAsync(1);
        await Expect(run.GetByTestId("trace-link")).ToHaveAttributeAsync("href", new Uri(traceAddress).AbsolutePath.TrimStart('/'));
        await Expect(run).ToContainTextAsync("Support answer v1");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    private async Task<ModelDefinition> ArrangeModelAsync()
    {
        var demo = await browser.Portal.DemoTeamIdAsync();
        await using var scope = new TeamScope(browser.Portal.Services.CreateAsyncScope());
        scope.Get<TeamContext>().Enter(TeamAccess.ForSystem(demo, DemoTeam.Name));
        return await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
    }

    [GeneratedRegex(@"/traces/[0-9a-f-]{36}$")]
    private static partial Regex TraceAddress();
}
