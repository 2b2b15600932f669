using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>Every page of the navigation, signed in with the demo data, read by axe-core's WCAG 2.1 A and AA rules.</summary>
public sealed class NavigationAccessibilityJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>The drawer's links and the addresses they open.</summary>
    private static readonly (string Link, string Path)[] NavigationPages =
    [
        ("Overview", "/"),
        ("Models", "/models"),
        ("Prompts", "/prompts"),
        ("Playground", "/playground"),
        ("Traces", "/traces"),
        ("Gateway", "/gateway"),
        ("Usage and cost", "/usage"),
        ("Knowledge", "/knowledge"),
        ("Datasets", "/datasets"),
        ("Experiments", "/experiments"),
        ("Members", "/team/members"),
        ("Audit trail", "/audit"),
        ("Administration", "/admin"),
    ];

    [Fact]
    public async Task Every_page_of_the_navigation_its_menus_and_its_account_pages_pass_axe()
    {
        await browser.Portal.CreateAdministratorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        var violations = new List<string>();

        await page.GotoAsync("/account/login");
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        await session.WaitForInteractiveAsync();

        // Each page is loaded afresh: following a link from a server page to a WebAssembly page changes the address
        // before the new page replaces the old, so the old page could be the one checked.
        foreach (var (link, path) in NavigationPages)
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
            await page.GotoAsync(path);
            await session.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));
        }

        await page.GetByTestId("team-switcher").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));
        await page.GetByTestId("team-switcher").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeHiddenAsync();

        await page.GetByTestId("user-menu").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Access tokens" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/tokens$"));
        await session.WaitForInteractiveAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));

        await page.GotoAsync("/account/change-password");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));

        await page.GotoAsync("/knowledge");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Portal handbook" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portal handbook", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));

        await page.GotoAsync("/prompts");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Support answer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support answer", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "New version" }).ClickAsync();
        await Expect(page.GetByLabel("Commit message")).ToBeVisibleAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));

        // Scalar reads and lays out the whole OpenAPI document in the browser: 4 to 12 seconds on a shared two-core machine.
        await page.GotoAsync("/scalar/v1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Who is signed in, their teams, and the current team" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Model registry", new() { Exact = true }).First).ToBeVisibleAsync();
        violations.AddRange(await AccessibilityCheck.ViolationsAsync(page));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.True(session.ConsoleErrors.Count == 0, string.Join(Environment.NewLine, session.ConsoleErrors));
    }
}
