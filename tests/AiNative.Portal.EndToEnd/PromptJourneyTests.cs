using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class PromptJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_editor_creates_a_prompt_saves_two_versions_compares_them_and_moves_a_label()
    {
        await browser.Portal.CreateAdministratorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        await page.GotoAsync("/prompts");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Support answer" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New prompt" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Release notes");
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Release notes", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the first version" }).ClickAsync();
        await WriteVersionAsync(page, "You write release notes for {{$product}}.", "$product", "First draft");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "First draft" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New version" }).ClickAsync();
        await page.GetByLabel("System message", new() { Exact = true }).FillAsync("You write short release notes for {{$product");
        await Expect(page.GetByTestId("system-template-errors")).ToContainTextAsync("Line 1, column 35: This '{{' is not closed");
        await page.ExpectAccessibleAsync();
        await WriteVersionAsync(page, "You write short release notes for {{$product}}, read by {{$audience}}.", "$audience", "Shorter, for an audience");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Shorter, for an audience" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare v1" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare v2" }).CheckAsync();
        var diff = page.GetByTestId("version-diff");
        await Expect(diff).ToContainTextAsync("Compare v1 with v2");
        await Expect(diff.Locator("tr", new() { HasText = "Changed to: You write short release notes" }).Locator("td.diff-marker").Last).ToHaveTextAsync("+");
        await Expect(diff).ToContainTextAsync("Added: audience = (no default)");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Move production to v1" }).ClickAsync();
        await Expect(page.GetByTestId("label-production")).ToContainTextAsync("production → v1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move production to v2" }).ClickAsync();
        await Expect(page.GetByTestId("label-production")).ToContainTextAsync("production → v2");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "production points at v2" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>Fills the editor and saves; waits for <paramref name="variable"/> to be found first, so the templates were read.</summary>
    private static async Task WriteVersionAsync(IPage page, string systemTemplate, string variable, string commitMessage)
    {
        await page.GetByLabel("System message", new() { Exact = true }).FillAsync(systemTemplate);
        await Expect(page.GetByTestId("variable-row").Filter(new() { HasText = variable })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("system-template-errors")).ToHaveCountAsync(0);
        await page.GetByLabel("Commit message").FillAsync(commitMessage);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save as v") }).ClickAsync();
        await Expect(page.GetByTestId("version-history")).ToBeVisibleAsync();
    }
}
