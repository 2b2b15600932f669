using System.Text.RegularExpressions;
using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class KnowledgeJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string BaseName = "Customer care";

    /// <summary>Ingestion of three small files on a shared machine; generous, since the documents only need to get there.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilReady = new() { Timeout = 90_000 };

    [Fact]
    public async Task An_editor_builds_a_base_from_three_files_searches_it_asks_it_and_deletes_a_document()
    {
        await browser.Portal.CreateAdministratorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        await page.GotoAsync("/knowledge");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Portal handbook" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New knowledge base" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(BaseName);
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = BaseName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("documents-empty")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Tags for the next files (optional)").FillAsync("team=support");
        await page.Locator("input[type=file]").SetInputFilesAsync(
        [
            File("refunds.md", "# Refunds\n\nRefunds are paid within fourteen days of the return reaching the warehouse.\n\n# Exchanges\n\nExchanges ship the same day."u8.ToArray()),
            File("pricing.pdf", TestDocuments.Pdf(["Annual plans", "Refunds for annual plans are prorated by the month."])),
            File("onboarding.docx", TestDocuments.Docx(("Heading1", "Onboarding"), (null, "New agents learn the refund policy in their first week."))),
            File("scan.pdf", "this was never a PDF"u8.ToArray()),
        ]);

        var uploads = page.GetByTestId("upload-row");
        await Expect(uploads.Filter(new() { HasText = "refunds.md" })).ToHaveAttributeAsync("data-stage", "Accepted");
        await Expect(uploads.Filter(new() { HasText = "pricing.pdf" })).ToHaveAttributeAsync("data-stage", "Accepted");
        await Expect(uploads.Filter(new() { HasText = "onboarding.docx" })).ToHaveAttributeAsync("data-stage", "Accepted");
        var rejected = uploads.Filter(new() { HasText = "scan.pdf" });
        await Expect(rejected).ToHaveAttributeAsync("data-stage", "Rejected");
        await Expect(rejected.GetByTestId("upload-message")).ToContainTextAsync("named .pdf but its content is plain text");
        await page.ExpectAccessibleAsync();

        var documents = page.GetByTestId("documents-table").Locator("tbody tr");
        foreach (var name in new[] { "refunds.md", "pricing.pdf", "onboarding.docx" })
        {
            var row = documents.Filter(new() { HasText = name });
            await Expect(row.GetByTestId("document-status")).ToHaveAttributeAsync("data-status", "Ready", UntilReady);
            await Expect(row).ToContainTextAsync("team=support");
        }

        await Expect(documents).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("base-facts")).ToContainTextAsync("3 of 3 documents ready");
        await page.ExpectAccessibleAsync();

        // The settings dialog previews a new partitioning on a document before anything is saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit settings" }).ClickAsync();
        var settings = page.GetByRole(AriaRole.Dialog);
        await settings.GetByLabel("Max tokens per chunk").FillAsync("100");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Preview the chunks" }).ClickAsync();
        await Expect(settings.GetByTestId("preview-summary")).ToContainTextAsync("the current index holds it as");
        await Expect(settings.GetByTestId("preview-chunk").First).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(settings).ToHaveCountAsync(0);

        // A document's page shows its chunks with where they sit, and the text its extraction read.
        await documents.Filter(new() { HasText = "refunds.md" }).GetByRole(AriaRole.Link, new() { Name = "refunds.md" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "refunds.md", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("document-chunk").First).ToContainTextAsync("Refunds are paid within fourteen days");
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Extracted text" }).ClickAsync();
        await Expect(page.GetByTestId("text-section").Filter(new() { HasText = "Exchanges ship the same day." })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.GoBackAsync();
        await Expect(documents).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Query").FillAsync("refund");
        await page.GetByLabel("Query").PressAsync("Enter");
        var hits = page.GetByTestId("search-hit");
        await Expect(hits.Filter(new() { HasText = "pricing.pdf" })).ToHaveCountAsync(1);
        await Expect(hits.Filter(new() { HasText = "refunds.md" }).First).ToBeVisibleAsync();
        await Expect(hits.Filter(new() { HasText = "onboarding.docx" })).ToHaveCountAsync(1);
        var pdfHit = hits.Filter(new() { HasText = "pricing.pdf" });
        await Expect(pdfHit).ToContainTextAsync("page 1");
        await Expect(pdfHit.Locator("mark").First).ToHaveTextAsync("Refunds");
        await Expect(pdfHit.GetByTestId("score-vector")).ToContainTextAsync(ScoreNumber());
        await Expect(pdfHit.GetByTestId("score-keyword")).ToContainTextAsync(ScoreNumber());
        await Expect(pdfHit.GetByTestId("score-fused")).ToContainTextAsync(ScoreNumber());
        await Expect(pdfHit.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(3);
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Ask" }).ClickAsync();
        await page.GetByLabel("Question").FillAsync("How soon are refunds paid after a return?");
        await page.GetByLabel("Question").PressAsync("Enter");
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("fourteen days");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Open source \\[1\\]") })).ToBeVisibleAsync();

        // The citation in the answer's text opens its source with the sentence the answer took marked, and the text around it.
        await page.GetByTestId("answer").GetByRole(AriaRole.Link, new() { Name = "Open source [1]" }).First.ClickAsync();
        var source = page.GetByRole(AriaRole.Dialog);
        await Expect(source.GetByTestId("chunk")).ToContainTextAsync("Refunds are paid within fourteen days");
        await Expect(source.GetByTestId("chunk").Locator("mark").First).ToContainTextAsync("Refunds are paid within fourteen days");
        await Expect(source.GetByTestId("chunk-facts")).ToContainTextAsync("refunds.md");
        await source.GetByRole(AriaRole.Button, new() { Name = "Show the text around it" }).ClickAsync();
        await Expect(source.GetByTestId("chunk-after")).ToContainTextAsync("Exchanges ship the same day.");
        await page.ExpectAccessibleAsync();
        await source.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(source).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Documents (3)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete pricing.pdf" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(documents.Filter(new() { HasText = "pricing.pdf" })).ToHaveCountAsync(0);
        await Expect(documents).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Search" }).ClickAsync();
        await Expect(hits.Filter(new() { HasText = "pricing.pdf" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(hits.Filter(new() { HasText = "onboarding.docx" })).ToHaveCountAsync(1);
        await Expect(hits.Filter(new() { HasText = "pricing.pdf" })).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    private static FilePayload File(string name, byte[] content) => new() { Name = name, MimeType = "application/octet-stream", Buffer = content };

    private static Regex ScoreNumber() => new("\\d\\.\\d{4}");
}
