using System.Text.RegularExpressions;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>
/// The main journeys with key presses alone (Tab, Enter, Space and typing), a visible focus ring at every
/// stop, and axe-core's check of every page and state on the way.
/// </summary>
public sealed partial class KeyboardJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>Ingestion on a shared machine; generous, since the document only needs to get there.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilReady = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_person_signs_in_writes_a_prompt_version_and_runs_it_in_the_playground_with_the_keyboard_alone()
    {
        await using var session = await SignedInWithKeyboardAsync();
        var page = session.Page;

        await FollowNavigationAsync(session, "Prompts", "/prompts");
        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Support answer" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support answer", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "New version" }));
        await page.Keyboard.PressAsync("Enter");

        var commitMessage = page.GetByLabel("Commit message");
        await Expect(commitMessage).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await KeyboardFocus.TabToAsync(page, page.GetByLabel("System message", new() { Exact = true }));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("You answer support questions in one short paragraph.");
        await KeyboardFocus.TabToAsync(page, commitMessage);
        await page.Keyboard.TypeAsync("Shorter answers");
        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save as v") }));
        await page.Keyboard.PressAsync("Enter");
        var saved = page.GetByText(SavedVersion());
        await Expect(saved).ToBeVisibleAsync();
        var version = SavedVersion().Match(await saved.TextContentAsync() ?? "").Groups["number"].Value;
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Shorter answers" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = $"Compare v{version}" }));
        await page.Keyboard.PressAsync("Space");
        var runLink = page.GetByRole(AriaRole.Link, new() { Name = $"Run v{version} in the playground" });
        await Expect(runLink).ToBeVisibleAsync();
        await KeyboardFocus.TabToAsync(page, runLink);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($@"/playground\?prompt=[0-9a-f-]{{36}}&version={version}$"));

        // The prompt's page ran on the server; its marker may still answer while the playground starts in WebAssembly.
        await Expect(page.GetByText("Ctrl+Enter runs, Esc cancels.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await session.WaitForInteractiveAsync();
        await page.ExpectAccessibleAsync();
        await KeyboardFocus.TabToAsync(page, page.GetByTestId("run-button"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded");
        await Expect(page.GetByTestId("rendered-message").First).ToContainTextAsync("one short paragraph");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_person_uploads_a_document_and_searches_it_with_the_keyboard_alone()
    {
        await using var session = await SignedInWithKeyboardAsync();
        var page = session.Page;

        await FollowNavigationAsync(session, "Knowledge", "/knowledge");
        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Portal handbook" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portal handbook", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();

        await KeyboardFocus.TabToAsync(page, page.GetByLabel("Tags for the next files (optional)"));

        // The upload control is disabled while the tags typed so far do not read as key=value pairs. Waiting for it
        // to turn off and on again also tells that the server has seen the keys typed, before Tab leaves the field.
        var chooseFiles = page.GetByRole(AriaRole.Button, new() { Name = "Drag files here or click to browse" });
        await page.Keyboard.TypeAsync("team");
        await Expect(chooseFiles).ToBeDisabledAsync();
        await page.Keyboard.TypeAsync("=support");
        await Expect(chooseFiles).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(chooseFiles).ToBeFocusedAsync();
        await KeyboardFocus.ExpectVisibleAsync(page);
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "refunds.md",
            MimeType = "text/markdown",
            Buffer = "# Refunds\n\nRefunds are paid within fourteen days of the return reaching the warehouse."u8.ToArray(),
        });

        var upload = page.GetByTestId("upload-row").Filter(new() { HasText = "refunds.md" });
        await Expect(upload).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await Expect(upload).ToHaveAttributeAsync("data-stage", "Accepted");
        var document = page.GetByTestId("documents-table").Locator("tbody tr").Filter(new() { HasText = "refunds.md" });
        await Expect(document.GetByTestId("document-status")).ToHaveAttributeAsync("data-status", "Ready", UntilReady);
        await page.ExpectAccessibleAsync();

        // Tab reaches the selected tab of a tab list; the arrow keys move between its tabs.
        await KeyboardFocus.TabToAsync(page, page.GetByRole(AriaRole.Tablist));
        var searchTab = page.GetByRole(AriaRole.Tab, new() { Name = "Search" });
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(searchTab).ToBeFocusedAsync();
        await KeyboardFocus.ExpectVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.TabToAsync(page, page.GetByLabel("Query"));
        await page.Keyboard.TypeAsync("refund");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("search-hit").Filter(new() { HasText = "refunds.md" }).First).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// Signs in as the administrator (created by whichever test of the class comes first) with the keyboard,
    /// after a wrong password whose message axe-core checks too.
    /// </summary>
    private async Task<BrowserPage> SignedInWithKeyboardAsync()
    {
        if (!await browser.Portal.Services.GetRequiredService<SetupState>().IsCompleteAsync(TestContext.Current.CancellationToken))
        {
            await browser.Portal.CreateAdministratorAsync();
        }

        var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await SubmitCredentialsAsync(page, "not the password");
        await Expect(page.Locator(".account-error")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await SubmitCredentialsAsync(page, PortalFactory.Password);
        await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>The email field has focus when the page opens; fills both fields and presses Enter.</summary>
    private static async Task SubmitCredentialsAsync(IPage page, string password)
    {
        var email = page.GetByLabel("Email");
        await Expect(email).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(PortalFactory.AdminEmail);
        await KeyboardFocus.TabToAsync(page, page.GetByLabel("Password", new() { Exact = true }));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Follows a link of the navigation drawer with Tab and Enter, and checks the page it opens.</summary>
    private static async Task FollowNavigationAsync(BrowserPage session, string link, string path)
    {
        await KeyboardFocus.TabToAsync(session.Page, session.Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(session.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        await session.WaitForInteractiveAsync();
        await session.Page.ExpectAccessibleAsync();
    }

    /// <summary>The snackbar after saving: other tests of the class may have saved versions of the prompt before.</summary>
    [GeneratedRegex(@"^Saved v(?<number>\d+)\.$")]
    private static partial Regex SavedVersion();
}
