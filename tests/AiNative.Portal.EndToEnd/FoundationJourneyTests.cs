using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>The foundation's whole journey on a fresh portal: nothing is arranged behind the browser's back.</summary>
public sealed partial class FoundationJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string ProviderName = "Team server";
    private const string ModelName = "Team chat";

    [Fact]
    public async Task From_first_start_a_person_registers_a_model_versions_a_prompt_and_debugs_it_in_the_playground()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        await CreateAdministratorAsync(page);
        await NavigateAsync(session, "Models", "/models");
        await RegisterProviderAndModelAsync(page);
        await NavigateAsync(session, "Prompts", "/prompts");
        await CreatePromptWithTwoVersionsAndDiffAsync(page);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare v1" }).UncheckAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Run v2 in the playground" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/playground\?prompt=[0-9a-f-]{36}&version=2$"));
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("model-picker").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = ModelName }).ClickAsync();
        await page.GetByTestId("variable-input").Nth(0).FillAsync("the portal");
        await page.GetByTestId("variable-input").Nth(1).FillAsync("reviewers");

        browser.Provider.HoldStreams();
        await page.GetByTestId("run-button").ClickAsync();
        var output = page.GetByTestId("output-text");
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Running");
        await Expect(output).ToHaveTextAsync("Echo:");
        await Expect(page.GetByTestId("rendered-message").First).ToContainTextAsync("read by reviewers");
        await page.ExpectAccessibleAsync();
        browser.Provider.ReleaseStreams();

        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");
        await Expect(output).ToContainTextAsync("Echo: What changed?");
        await Expect(page.GetByTestId("output-tokens")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("cost")).ToHaveTextAsync(new Regex(@"^\$0\.0\d+$"));
        await Expect(page).ToHaveURLAsync(new Regex(@"/playground\?run=[0-9a-f-]{36}$"));
        await page.ExpectAccessibleAsync();
        var run = page.Url;

        await page.GotoAsync("/playground");
        await Expect(page.GetByTestId("output-empty")).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("run-history").GetByTestId("history-open").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(run);
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");
        await Expect(output).ToContainTextAsync("Echo: What changed?");
        await Expect(page.GetByTestId("variable-input").Nth(1)).ToHaveValueAsync("reviewers");
        Assert.Empty(session.ConsoleErrors);
    }

    private static async Task CreateAdministratorAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await page.GetByLabel("Your name").FillAsync(PortalFactory.AdminName);
        await page.GetByLabel("Email").FillAsync(PortalFactory.AdminEmail);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync(PortalFactory.Password);
        await page.GetByLabel("Repeat the password").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
    }

    /// <summary>Follows a navigation link and waits until the new page answers clicks.</summary>
    private static async Task NavigateAsync(BrowserPage session, string link, string path)
    {
        await session.WaitForInteractiveAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        await session.WaitForInteractiveAsync();
    }

    private async Task RegisterProviderAndModelAsync(IPage page)
    {
        await Expect(page.GetByText("Built in · not a language model").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(ProviderName);
        await dialog.GetByLabel("Base URL").FillAsync(browser.Provider.BaseUrl);
        await dialog.GetByLabel("API key").FillAsync(FakeOpenAiServer.ApiKey);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Test connection of {ProviderName}" }).ClickAsync();
        await Expect(page.GetByTestId("connection-result")).ToContainTextAsync("Reachable");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add model" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(ModelName);
        await dialog.GetByLabel("Provider's model id").FillAsync(FakeOpenAiServer.ChatModel);
        await dialog.GetByLabel("Context window (tokens)").FillAsync("128000");
        await dialog.GetByLabel("Max output tokens").FillAsync("4096");
        await dialog.GetByLabel("Input price (USD per million tokens)").FillAsync("3");
        await dialog.GetByLabel("Output price (USD per million tokens)").FillAsync("15");
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = ModelName })).ToContainTextAsync("$15.00");
    }

    private static async Task CreatePromptWithTwoVersionsAndDiffAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New prompt" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Release notes");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the first version" }).ClickAsync();
        await WriteVersionAsync(page, "You write release notes for {{$product}}.", "$product", "First draft");
        await page.GetByRole(AriaRole.Link, new() { Name = "New version" }).ClickAsync();
        await WriteVersionAsync(page, "You write short release notes for {{$product}}, read by {{$audience}}.", "$audience", "For an audience");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare v1" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare v2" }).CheckAsync();
        await Expect(page.GetByTestId("version-diff")).ToContainTextAsync("Added: audience = (no default)");
        await page.ExpectAccessibleAsync();
    }

    private static async Task WriteVersionAsync(IPage page, string systemTemplate, string variable, string commitMessage)
    {
        await page.GetByLabel("System message", new() { Exact = true }).FillAsync(systemTemplate);
        await page.GetByLabel("User message", new() { Exact = true }).FillAsync("What changed?");
        await Expect(page.GetByTestId("variable-row").Filter(new() { HasText = variable })).ToBeVisibleAsync();
        await page.GetByLabel("Commit message").FillAsync(commitMessage);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save as v") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = commitMessage })).ToBeVisibleAsync();
    }
}
