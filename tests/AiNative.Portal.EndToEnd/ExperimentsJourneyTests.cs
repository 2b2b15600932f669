using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class ExperimentsJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>Twelve cells on the offline model are quick, but the page follows them through the circuit; generous on a shared machine.</summary>
    private static readonly LocatorAssertionsToContainTextOptions UntilRun = new() { Timeout = 60_000 };

    /// <summary>Creating checks every item and renders the estimate's prompts, then the cells are written; generous on a shared machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions UntilCreated = new() { Timeout = 30_000 };

    [Fact]
    public async Task An_editor_creates_an_experiment_sees_its_estimate_watches_it_run_and_reads_the_results_side_by_side()
    {
        await browser.Portal.CreateAdministratorAsync();
        await ArrangeEvaluatorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        await page.GotoAsync("/experiments");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("experiments-empty")).ToContainTextAsync("No experiments yet");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New experiment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New experiment", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Support answer, v1 against v2");
        await Expect(page.GetByTestId("variant-0-prompt")).ToHaveValueAsync("Support answer");
        await page.GetByTestId("experiment-evaluators").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "similar to expected (Levenshtein)" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ExpectAccessibleAsync();

        await page.GetByTestId("estimate").ClickAsync();
        await Expect(page.GetByTestId("estimate-summary")).ToContainTextAsync("12 calls (6 items × 2 variants)");
        await page.ExpectAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("experiment-new"), FullPage = true });

        await page.GetByTestId("create-and-run").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support answer, v1 against v2", Level = 1 })).ToBeVisibleAsync(UntilCreated);
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("experiment-progress")).ToContainTextAsync("Completed", UntilRun);
        await Expect(page.GetByTestId("progress-cells")).ToHaveTextAsync("12 of 12 cells");
        await Expect(page.GetByTestId("summary-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("summary-score").First).ToContainTextAsync("[");
        await Expect(page.GetByTestId("score-chart")).ToBeVisibleAsync();
        var rows = page.GetByTestId("side-by-side").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(rows.First.GetByTestId("experiment-cell")).ToHaveCountAsync(2);
        await Expect(rows.First.GetByTestId("cell-score").First).ToContainTextAsync("similar to expected:");
        await page.ExpectAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("experiment-results"), FullPage = true });

        // On a phone-sized screen the grid scrolls sideways inside the page, reachable by keyboard.
        await page.SetViewportSizeAsync(420, 900);
        await page.ExpectAccessibleAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // A cell's trace opens from the grid.
        await rows.First.GetByTestId("cell-trace").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/traces/[0-9a-f-]+$"));
        await page.GoBackAsync();
        await session.WaitForInteractiveAsync();

        await page.GotoAsync("/experiments");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("experiments-table")).ToContainTextAsync("12 of 12 cells");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    private async Task ArrangeEvaluatorAsync()
    {
        using var scope = browser.Portal.Services.CreateScope();
        var team = await browser.Portal.DemoTeamIdAsync();
        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(team, "Demo team"));
        await scope.ServiceProvider.GetRequiredService<EvaluatorDefinitions>().CreateAsync(
            new EvaluatorInput("similar to expected", null, EvaluatorKind.Levenshtein, new EvaluatorSettings { Threshold = 0.3 }), TestContext.Current.CancellationToken);
    }

    /// <summary>Where a journey leaves its screenshots, for people to look at after a run.</summary>
    private static string Screenshot(string name) => Path.Combine(Path.GetTempPath(), "ainative-screenshots", $"{name}.png");
}
