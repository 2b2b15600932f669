using System.Text.RegularExpressions;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed partial class PlaygroundJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string DemoAnswer = "Echo: Question: How do I promote a new prompt version to production?";

    [Fact]
    public async Task A_person_runs_a_prompt_sees_it_stream_cancels_a_run_reopens_one_and_compares_two()
    {
        var model = await ArrangeModelAsync(FakeOpenAiServer.ChatModel);
        await using var session = await SignedInPageAsync();
        var page = session.Page;

        var apiCalls = new List<string>();
        page.Request += (_, request) => apiCalls.Add(new Uri(request.Url).AbsolutePath);
        await page.GotoAsync("/playground");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("output-empty")).ToBeVisibleAsync();

        // Prerendering loaded the session, prompts, models, knowledge bases and history and handed them to WebAssembly.
        Assert.DoesNotContain(apiCalls, path => path.StartsWith("/api/", StringComparison.Ordinal));
        await session.PickAsync("prompt-picker", "Support answer");
        await session.PickAsync("model-picker", model.Name);
        browser.Provider.HoldStreams();
        await page.GetByTestId("run-button").ClickAsync();
        var output = page.GetByTestId("output-text");
        var status = page.GetByTestId("run-status");
        await Expect(output).ToHaveTextAsync("Echo:");
        await Expect(status).ToHaveTextAsync("Running");
        await Expect(page.GetByTestId("rendered-message").Last).ToContainTextAsync("Question: How do I promote");
        browser.Provider.ReleaseStreams();
        await Expect(status).ToHaveTextAsync("Succeeded");
        await Expect(output).ToHaveTextAsync(DemoAnswer);
        await Expect(page.GetByTestId("output-tokens")).ToHaveTextAsync("12");
        await Expect(page.GetByTestId("cost")).ToHaveTextAsync(CostPattern());
        await Expect(page.GetByTestId("finish-reason")).ToContainTextAsync("stop");
        await Expect(page.GetByTestId("trace-span")).ToHaveCountAsync(2);
        await page.ExpectAccessibleAsync();
        await Expect(page).ToHaveURLAsync(RunAddress());
        var firstRun = page.Url;

        browser.Provider.HoldStreams();
        await page.GetByTestId("variable-input").Last.FillAsync("Where do labels live?");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(status).ToHaveTextAsync("Running");
        await Expect(output).ToHaveTextAsync("Echo:");
        await page.GetByTestId("cancel-button").ClickAsync();
        await Expect(status).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByTestId("history-status").First).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByTestId("output-tokens")).ToContainTextAsync("estimated");
        await page.ExpectAccessibleAsync();
        browser.Provider.ReleaseStreams();

        await HistoryRow(page, "Succeeded", "Support answer v1").GetByTestId("history-open").ClickAsync();
        await Expect(page).ToHaveURLAsync(firstRun);
        await Expect(status).ToHaveTextAsync("Succeeded");
        await Expect(output).ToHaveTextAsync(DemoAnswer);
        await Expect(page.GetByTestId("variable-input").Last).ToHaveValueAsync("How do I promote a new prompt version to production?");

        var history = page.GetByTestId("run-history");
        await history.GetByRole(AriaRole.Checkbox).Nth(0).CheckAsync();
        await history.GetByRole(AriaRole.Checkbox).Nth(1).CheckAsync();
        await page.GetByTestId("compare-button").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compare runs", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("compared-run")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("comparison-charts").Locator("svg")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("compared-run").Nth(1)).ToContainTextAsync(DemoAnswer);
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_prompt_opens_in_the_playground_at_its_production_version_and_a_provider_error_reads_in_plain_words()
    {
        var limited = await ArrangeModelAsync(FakeOpenAiServer.RateLimitedModel);
        await using var session = await SignedInPageAsync();
        var page = session.Page;

        await page.GotoAsync("/prompts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Support answer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open in playground" }).ClickAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("version-picker")).ToHaveValueAsync(new Regex("^v1 · production"));
        await session.PickAsync("model-picker", limited.Name);
        await page.GetByTestId("run-button").ClickAsync();

        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
        await Expect(page.GetByTestId("run-problem")).ToContainTextAsync("The provider is limiting the rate.");
        await Expect(page.GetByTestId("run-problem")).ToContainTextAsync("(HTTP 429). Wait a moment and try again.");
        await Expect(page.GetByTestId("history-status").First).ToHaveTextAsync("Failed");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task An_ad_hoc_prompt_finds_its_variables_while_typed_asks_for_a_missing_value_then_runs()
    {
        var model = await ArrangeModelAsync(FakeOpenAiServer.ChatModel);
        await using var session = await SignedInPageAsync();
        var page = session.Page;
        await page.GotoAsync("/playground");
        await session.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ad-hoc prompt" }).ClickAsync();

        // Ad-hoc starts from the prompt shown, the seeded Handbook answer with its knowledge base; this prompt draws on none.
        await page.GetByTestId("retrieval-switch").UncheckAsync();
        await page.GetByTestId("system-template").FillAsync("You write in a {{$tone}} tone.");
        await page.GetByTestId("user-template").FillAsync("Explain **labels** to {{$audience}}.");
        await Expect(page.GetByTestId("variable-input")).ToHaveCountAsync(2);
        await session.PickAsync("model-picker", model.Name);
        await page.GetByTestId("variable-input").First.FillAsync("friendly");
        await page.GetByTestId("run-button").ClickAsync();

        await Expect(page.GetByText("Enter a value for 'audience'; it has no default.").First).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByTestId("variable-input").Last.FillAsync("new editors");
        await page.GetByTestId("run-button").ClickAsync();

        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");
        await Expect(page.GetByTestId("output-text").Locator("strong")).ToHaveTextAsync("labels");
        await Expect(page.GetByTestId("rendered-message").First).ToContainTextAsync("You write in a friendly tone.");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A page signed in as the administrator, who is created by whichever test of the class comes first.</summary>
    private async Task<BrowserPage> SignedInPageAsync()
    {
        if (!await browser.Portal.Services.GetRequiredService<SetupState>().IsCompleteAsync(TestContext.Current.CancellationToken))
        {
            await browser.Portal.CreateAdministratorAsync();
        }

        var session = await browser.NewPageAsync();
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        return session;
    }

    /// <summary>The row of a run with this status and prompt; other tests of the class may have left runs too.</summary>
    private static ILocator HistoryRow(IPage page, string status, string prompt) =>
        page.GetByTestId("run-history").Locator("tbody tr")
            .Filter(new() { Has = page.GetByTestId("history-status").GetByText(status, new() { Exact = true }) })
            .Filter(new() { HasText = prompt });

    private async Task<ModelDefinition> ArrangeModelAsync(string providerModel)
    {
        var demo = await browser.Portal.DemoTeamIdAsync();
        await using var scope = new TeamScope(browser.Portal.Services.CreateAsyncScope());
        scope.Get<TeamContext>().Enter(TeamAccess.ForSystem(demo, DemoTeam.Name));
        return await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, providerModel);
    }

    [GeneratedRegex(@"^\$0\.0\d+$")]
    private static partial Regex CostPattern();

    [GeneratedRegex(@"/playground\?run=[0-9a-f-]{36}$")]
    private static partial Regex RunAddress();
}
