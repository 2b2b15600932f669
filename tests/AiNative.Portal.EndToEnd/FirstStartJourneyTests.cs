using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class FirstStartJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task First_visit_creates_the_administrator_and_opens_the_demo_team()
    {
        await using var session = await browser.NewPageAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await page.GetByLabel("Your name").FillAsync(PortalFactory.AdminName);
        await page.GetByLabel("Email").FillAsync(PortalFactory.AdminEmail);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync("short");
        await page.GetByLabel("Repeat the password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(page.GetByText("Use at least 10 characters.")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Password (at least 10 characters)").FillAsync(PortalFactory.Password);
        await page.GetByLabel("Repeat the password").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Welcome, {PortalFactory.AdminName}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("team-switcher")).ToContainTextAsync("Demo team");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
