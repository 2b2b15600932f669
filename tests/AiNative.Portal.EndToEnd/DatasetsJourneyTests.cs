using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed partial class DatasetsJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string DatasetName = "Checkout questions";

    /// <summary>Two good rows and one with a field too many; the answers are in a column whose name suggests a variable.</summary>
    private const string Csv =
        "question,answer,topic\n" +
        "How do I pay by invoice?,Choose Invoice at checkout,payments\n" +
        "Can I change my order?,Within one hour of ordering,orders\n" +
        "broken,row,has,four\n";

    /// <summary>The file travels through the circuit and is read on the server; generous on a shared machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions UntilRead = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_editor_creates_a_dataset_imports_a_csv_with_preview_and_mapping_sees_the_items_and_exports_them()
    {
        await browser.Portal.CreateAdministratorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        await page.GotoAsync("/datasets");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Support questions" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New dataset" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(DatasetName);
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DatasetName, Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("items-empty")).ToContainTextAsync("No items yet");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await ChooseFileAsync(dialog);
        await Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("checkout.csv: CSV, 3 row(s), 3 column(s).");
        await Expect(dialog.GetByTestId("import-rows").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(dialog.GetByTestId("bad-rows")).ToContainTextAsync("Line 4: It has 4 field(s), but the header names 3 column(s).");
        await page.ExpectAccessibleAsync();

        await session.PickAsync("role-answer", "Expected output");
        await Expect(dialog.GetByTestId("role-answer")).ToHaveValueAsync("Expected output");
        await dialog.GetByText("Skip them and import the other 2").ClickAsync();
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Import 2 rows" }).ClickAsync();
        await Expect(page.GetByText("Imported 2 item(s) as version 1; skipped 1 bad row(s) (lines 4).")).ToBeVisibleAsync();

        var rows = page.GetByTestId("items-grid").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).GetByTestId("item-variables")).ToHaveTextAsync("question: How do I pay by invoice? · topic: payments");
        await Expect(rows.Nth(0).GetByTestId("item-expected")).ToHaveTextAsync("Choose Invoice at checkout");
        await Expect(page.GetByTestId("dataset-facts")).ToContainTextAsync("Version 1 · 2 item(s)");

        // The export link, fetched with the page's session.
        var link = await page.GetByTestId("export-csv").GetAttributeAsync("href");
        var exported = await page.Context.APIRequest.GetAsync(new Uri(browser.BaseUrl, link!).ToString());
        Assert.Equal(200, exported.Status);
        Assert.Contains("filename=Checkout-questions-v1.csv", exported.Headers["content-disposition"]);
        var text = await exported.TextAsync();
        Assert.Matches(ExportedRow(), text);
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// Chooses the file once the dialog's file input listens: a file set before its script is attached is not seen, so it is
    /// chosen again until the preview shows (the server reads it; generous on a shared machine).
    /// </summary>
    private static async Task ChooseFileAsync(ILocator dialog)
    {
        var file = new FilePayload { Name = "checkout.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) };
        for (var attempt = 1; ; attempt++)
        {
            await dialog.Locator("input[type=file]").SetInputFilesAsync(file);
            try
            {
                await Expect(dialog.GetByTestId("import-summary")).ToBeVisibleAsync(UntilRead);
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    [GeneratedRegex(@"^id,question,topic,expected_output,expected_sources,metadata\r\n[0-9a-f-]{36},How do I pay by invoice\?,payments,Choose Invoice at checkout,,\r\n")]
    private static partial Regex ExportedRow();
}
