using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class DocumentsTabTests : KnowledgeComponentTest
{
    private const string Reason = "The PDF is password-protected; remove the password and upload it again.";

    private readonly DocumentDto _failed = KnowledgeSamples.Document("locked.pdf", DocumentStatusDto.Failed, Reason);

    public DocumentsTabTests() => Api.Documents.AddRange([KnowledgeSamples.Document("guide.md", DocumentStatusDto.Ready), _failed]);

    [Fact]
    public void A_failed_document_shows_its_reason_and_retry_to_an_editor()
    {
        var page = RenderPage(TeamRoleDto.Editor);

        var row = Row(page, "locked.pdf");
        Assert.Equal(Reason, row.QuerySelector("[data-testid=document-error]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("button[aria-label='Retry locked.pdf']"));
        Assert.Null(Row(page, "guide.md").QuerySelector("button[aria-label^='Retry']"));
        Assert.NotNull(Row(page, "guide.md").QuerySelector("button[aria-label='Re-ingest guide.md']"));
        Assert.NotEmpty(page.FindAll("[data-testid=upload-panel]"));
    }

    [Fact]
    public void A_viewer_reads_a_failed_documents_reason_but_gets_no_retry_nor_upload()
    {
        var page = RenderPage(TeamRoleDto.Viewer);

        var row = Row(page, "locked.pdf");
        Assert.Equal(Reason, row.QuerySelector("[data-testid=document-error]")!.TextContent.Trim());
        Assert.Contains("An editor of the team can retry it.", row.TextContent);
        Assert.Empty(page.FindAll("[data-testid=documents-table] tbody button"));
        Assert.Empty(page.FindAll("[data-testid=upload-panel]"));
    }

    [Fact]
    public void Retry_queues_a_failed_document_again()
    {
        var page = RenderPage(TeamRoleDto.Editor);

        Row(page, "locked.pdf").QuerySelector("button[aria-label='Retry locked.pdf']")!.Click();

        Assert.Equal([_failed.DocumentId], Api.Retried);
        page.WaitForAssertion(() => Assert.Equal("Queued", Row(page, "locked.pdf").QuerySelector("[data-testid=document-status]")!.GetAttribute("data-status")));
    }

    [Fact]
    public void Live_status_changes_move_a_document_through_its_steps_to_ready()
    {
        var page = RenderPage(TeamRoleDto.Viewer);
        var document = _failed.DocumentId;

        Api.Changes.Writer.TryWrite(new DocumentChangeDto(document, _failed.IndexId, DocumentStatusDto.Processing, "embed", 0.25, null, 4, 90, false));
        page.WaitForAssertion(() => Assert.Contains("Embed (step 3 of 4)", Row(page, "locked.pdf").TextContent));
        Api.Changes.Writer.TryWrite(new DocumentChangeDto(document, _failed.IndexId, DocumentStatusDto.Ready, null, 1, null, 4, 90, false));

        page.WaitForAssertion(() => Assert.Equal("Ready", Row(page, "locked.pdf").QuerySelector("[data-testid=document-status]")!.GetAttribute("data-status")));
        Assert.Null(Row(page, "locked.pdf").QuerySelector("[data-testid=document-error]"));
    }

    [Fact]
    public void A_base_without_documents_explains_how_to_add_them()
    {
        Api.Documents.Clear();

        var editor = RenderPage(TeamRoleDto.Editor);

        Assert.Contains("Drop files on the area above", editor.Find("[data-testid=documents-empty]").TextContent);
    }

    [Fact]
    public void The_table_asks_the_server_for_one_page_at_a_time_and_pages_through_the_rest()
    {
        Api.Documents.Clear();
        Api.Documents.AddRange(Enumerable.Range(1, 30).Select(n => KnowledgeSamples.Document($"note-{n:D2}.md", DocumentStatusDto.Ready) with
        {
            Creation = DateTimeOffset.UnixEpoch.AddDays(n),
        }));

        var page = RenderPage(TeamRoleDto.Viewer);
        page.WaitForAssertion(() => Assert.Equal(DocumentListQuery.DefaultPageSize, Rows(page).Count));
        Assert.Contains("note-30.md", Rows(page)[0].TextContent);
        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));
        Assert.Contains("note-05.md", Rows(page)[0].TextContent);
        Assert.Equal((1, DocumentListQuery.DefaultPageSize), (Api.Queries[0].Page, Api.Queries[0].PageSize));
        Assert.Equal(2, Api.Queries[^1].Page);
    }

    [Fact]
    public void Finding_documents_asks_the_server_and_shows_the_matches_only()
    {
        var page = RenderPage(TeamRoleDto.Viewer);

        page.Find("input[data-testid=document-search]").Input("LOCKED");

        page.WaitForAssertion(() => Assert.Equal("LOCKED", Api.Queries[^1].Search));
        page.WaitForAssertion(() => Assert.Contains("locked.pdf", Assert.Single(Rows(page)).TextContent));
        Assert.Empty(page.FindAll("[data-testid=documents-empty]"));
    }

    [Fact]
    public void A_document_links_to_its_page_and_a_pdf_says_how_many_pages_it_has()
    {
        var pdf = KnowledgeSamples.Document("handbook.pdf", DocumentStatusDto.Ready) with { ContentType = "application/pdf", PageCount = 12 };
        Api.Documents.Add(pdf);

        var page = RenderPage(TeamRoleDto.Viewer);

        page.WaitForAssertion(() => Assert.Equal("PDF · 12 pages", Row(page, "handbook.pdf").QuerySelector("[data-testid=document-kind]")!.TextContent));
        Assert.Equal($"knowledge/{Api.Base.Id}/documents/{pdf.DocumentId}", Row(page, "handbook.pdf").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Markdown", Row(page, "guide.md").QuerySelector("[data-testid=document-kind]")!.TextContent);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<KnowledgeBasePage> page) =>
        page.FindAll("[data-testid=documents-table] tbody tr");

    private IRenderedComponent<KnowledgeBasePage> RenderPage(TeamRoleDto role) =>
        RenderWithPopovers<KnowledgeBasePage>(p => p.Add(x => x.BaseId, Api.Base.Id).AddCascadingValue(SessionAs(role)));

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<KnowledgeBasePage> page, string fileName) =>
        page.FindAll("[data-testid=documents-table] tbody tr").Single(r => r.TextContent.Contains(fileName, StringComparison.Ordinal));
}
