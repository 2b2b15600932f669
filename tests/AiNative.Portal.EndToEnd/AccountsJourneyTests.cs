using System.Text.Json;
using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>
/// The accounts journey of a fresh portal: the administrator sets it up, creates a team and an
/// account for a colleague, and adds them as a viewer; the colleague replaces the one-time password
/// and finds nothing they may not use, and the API refuses their changes; the audit trail shows it all.
/// No page may log an error in the browser console (the Content-Security-Policy blocks nothing).
/// </summary>
public sealed partial class AccountsJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string ViewerName = "Val Viewer";
    private const string ViewerEmail = "val@example.com";
    private const string ViewerPassword = "my own long password";

    [Fact]
    public async Task Administrator_sets_up_a_team_with_a_viewer_who_can_read_but_not_change()
    {
        await using var admin = await browser.NewPageAsync();
        await SetUpPortalAsync(admin.Page);
        await CreateTeamAsync(admin, "Research");
        var oneTimePassword = await CreateAccountAsync(admin.Page);
        await SwitchTeamAsync(admin, "Research");
        await AddViewerAsync(admin);
        await ExpectAuditTrailAsync(admin.Page);
        await admin.Page.ExpectAccessibleAsync();
        await ExpectApiReferenceAsync(admin.Page);
        Assert.Empty(admin.ConsoleErrors);

        await using var viewer = await browser.NewPageAsync();
        await SignInWithOneTimePasswordAsync(viewer.Page, oneTimePassword);
        await ExpectReadOnlyMembersAsync(viewer.Page);
        await viewer.Page.ExpectAccessibleAsync();
        await ExpectChangesRefusedAsync(viewer.Page);
        await ExpectTokenWithTheSameRoleAsync(viewer);
        await viewer.Page.GotoAsync("/admin");
        await Expect(viewer.Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        Assert.Empty(viewer.ConsoleErrors);
    }

    private static async Task SetUpPortalAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SetupAddress());
        await page.GetByLabel("Your name").FillAsync(PortalFactory.AdminName);
        await page.GetByLabel("Email").FillAsync(PortalFactory.AdminEmail);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync(PortalFactory.Password);
        await page.GetByLabel("Repeat the password").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
    }

    private static async Task CreateTeamAsync(BrowserPage session, string name)
    {
        var page = session.Page;
        await page.GotoAsync("/admin");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Team name").FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Expect(page.GetByTestId("teams-table").GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Creates the viewer's account and returns the one-time password the dialog shows once.</summary>
    private static async Task<string> CreateAccountAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(ViewerName);
        await dialog.GetByLabel("Email").FillAsync(ViewerEmail);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        var password = page.GetByRole(AriaRole.Textbox, new() { Name = "One-time password" });
        await Expect(password).ToHaveValueAsync(new Regex(".{10,}"));
        var value = await password.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByTestId("users-table")).ToContainTextAsync(ViewerEmail);
        await Expect(page.GetByTestId("users-table")).ToContainTextAsync("One-time password");
        return value;
    }

    /// <summary>Switches on the page where the team was created: the switcher lists the teams as they are now.</summary>
    private static async Task SwitchTeamAsync(BrowserPage session, string team)
    {
        var page = session.Page;
        await page.GetByTestId("team-switcher").Locator("button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = team }).ClickAsync();
        await Expect(page.GetByTestId("team-switcher")).ToContainTextAsync($"{team} · Owner");
    }

    private static async Task AddViewerAsync(BrowserPage session)
    {
        var page = session.Page;
        await page.GotoAsync("/team/members");
        await session.WaitForInteractiveAsync();
        await page.GetByLabel("Email of the account").FillAsync(ViewerEmail);
        await page.GetByTestId("add-member").ClickAsync();
        var row = page.GetByTestId("members-table").GetByRole(AriaRole.Row).Filter(new() { HasText = ViewerEmail });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Viewer");
    }

    private static async Task ExpectAuditTrailAsync(IPage page)
    {
        await page.GotoAsync("/audit");
        var rows = page.GetByTestId("audit-table").Locator("tbody tr");
        var newest = rows.First;
        await Expect(newest).ToContainTextAsync(PortalFactory.AdminName);
        await Expect(newest).ToContainTextAsync($"{ViewerName} <{ViewerEmail}>");
        await Expect(newest).ToContainTextAsync("role: Viewer");
        await Expect(rows.Nth(1)).ToContainTextAsync("role: Owner (created the team)");
    }

    private static async Task ExpectApiReferenceAsync(IPage page)
    {
        // Scalar reads and lays out the whole OpenAPI document in the browser: 4 to 12 seconds on a shared two-core machine.
        await page.GotoAsync("/scalar/v1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Who is signed in, their teams, and the current team" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static async Task SignInWithOneTimePasswordAsync(IPage page, string oneTimePassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(ViewerEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(oneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await page.GotoAsync("/team/members");
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
        await page.GetByLabel("Current password").FillAsync(oneTimePassword);
        await page.GetByLabel("New password (at least 10 characters)").FillAsync(ViewerPassword);
        await page.GetByLabel("Repeat the new password").FillAsync(ViewerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("team-switcher")).ToContainTextAsync("Research · Viewer");
    }

    private static async Task ExpectReadOnlyMembersAsync(IPage page)
    {
        var table = page.GetByTestId("members-table");
        await Expect(table).ToContainTextAsync(PortalFactory.AdminName);
        await Expect(table).ToContainTextAsync(ViewerEmail);
        await Expect(page.GetByTestId("add-member")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {PortalFactory.AdminName}" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel($"Role of {PortalFactory.AdminName}")).ToHaveCountAsync(0);
    }

    /// <summary>The viewer's own session, with the browser client's header, asks the API for changes the page does not offer.</summary>
    private static async Task ExpectChangesRefusedAsync(IPage page)
    {
        var headers = new Dictionary<string, string> { ["X-AiNative-Client"] = "e2e" };
        var session = await page.APIRequest.GetAsync("/api/session");
        using var json = JsonDocument.Parse(await session.TextAsync());
        var teamId = json.RootElement.GetProperty("currentTeam").GetProperty("id").GetString();

        var add = await page.APIRequest.PostAsync($"/api/teams/{teamId}/members", new()
        {
            Headers = headers,
            DataObject = new { email = PortalFactory.AdminEmail, role = "Owner" },
        });
        var createTeam = await page.APIRequest.PostAsync("/api/admin/teams", new() { Headers = headers, DataObject = new { name = "Mine" } });

        Assert.Equal(403, add.Status);
        Assert.Contains("Owner", await add.TextAsync());
        Assert.Equal(403, createTeam.Status);
    }

    /// <summary>The viewer creates a token from the user menu; it reads like the session, is refused changes, and stops when revoked.</summary>
    private static async Task ExpectTokenWithTheSameRoleAsync(BrowserPage session)
    {
        var page = session.Page;
        await page.GotoAsync("/");
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("user-menu").Locator("button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Access tokens" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personal access tokens" })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByLabel("Name").FillAsync("laptop script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secretField = page.GetByRole(AriaRole.Textbox, new() { Name = "Token" });
        await Expect(secretField).ToHaveValueAsync(new Regex("^ainp_"));
        var secret = await secretField.InputValueAsync();
        await Expect(page.GetByTestId("tokens-table")).ToContainTextAsync("laptop script");

        var bearer = new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" };
        var read = await page.APIRequest.GetAsync("/api/session", new() { Headers = bearer });
        using var json = JsonDocument.Parse(await read.TextAsync());
        var teamId = json.RootElement.GetProperty("currentTeam").GetProperty("id").GetString();
        var change = await page.APIRequest.DeleteAsync($"/api/teams/{teamId}/members/{Guid.NewGuid()}", new() { Headers = bearer });
        Assert.Equal((200, 403), (read.Status, change.Status));

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke laptop script" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByTestId("tokens-table")).ToContainTextAsync("Revoked");
        var revoked = await page.APIRequest.GetAsync("/api/session", new() { Headers = bearer });
        Assert.Equal(401, revoked.Status);
    }

    private static Regex SetupAddress() => SetupRegex();

    [GeneratedRegex("/setup$")]
    private static partial Regex SetupRegex();
}
