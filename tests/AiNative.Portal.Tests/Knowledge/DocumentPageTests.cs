using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class DocumentPageTests : KnowledgeComponentTest
{
    private readonly DocumentDto _manual = KnowledgeSamples.Document("manual.pdf", DocumentStatusDto.Ready) with
    {
        ContentType = "application/pdf",
        PageCount = 3,
        ChunkCount = 60,
        Tags = new Dictionary<string, List<string>> { ["team"] = ["support"] },
    };

    public DocumentPageTests()
    {
        Api.Documents.Add(_manual);
        Api.DocumentChunks[_manual.DocumentId] = [.. Enumerable.Range(0, 60).Select(n =>
            new ChunkDto(n + 1, _manual.DocumentId, "manual.pdf", Api.Base.Id, n, n / 20 + 1, n < 20 ? "Install" : null, $"Chunk text {n}.", 40))];
        Api.Texts[_manual.DocumentId] = new ExtractedTextDto(
            [new("Install", 1, ["Run the installer.", "Restart the machine."]), new(null, 2, ["Second page text."])], 2, 1, 50, 58, 3);
    }

    [Fact]
    public void A_document_shows_its_facts_its_chunks_with_page_and_heading_and_its_extracted_text()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.BaseId, Api.Base.Id).Add(x => x.DocumentId, _manual.DocumentId));

        page.WaitForAssertion(() => Assert.Equal(ChunkPageDto.DefaultPageSize, page.FindAll("[data-testid=document-chunk]").Count));
        Assert.Contains("PDF · 3 pages", page.Find("[data-testid=document-facts]").TextContent);
        Assert.Contains("team=support", page.Markup);
        var first = page.FindAll("[data-testid=document-chunk]")[0].TextContent;
        Assert.Contains("#1 · page 1 · Install · 40 tokens", first);
        Assert.Contains("Chunk text 0.", first);
        Assert.Contains("Chunks 1–50 of 60", page.Find("[data-testid=chunks-summary]").TextContent);
        var sections = page.FindAll("[data-testid=text-section]");
        Assert.Equal(2, sections.Count);
        Assert.Contains("page 1 · Install", sections[0].TextContent);
        Assert.Contains("Restart the machine.", sections[0].TextContent);
        Assert.Contains("58 characters in 2 section(s) on 3 page(s)", page.Find("[data-testid=text-summary]").TextContent);
    }

    [Fact]
    public void The_next_page_of_chunks_is_read_from_the_server()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.BaseId, Api.Base.Id).Add(x => x.DocumentId, _manual.DocumentId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=document-chunk]")));

        page.Find("[aria-label='Pages of chunks'] button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-testid=document-chunk]").Count));
        Assert.Contains("#51 · page 3 · 40 tokens", page.FindAll("[data-testid=document-chunk]")[0].TextContent);
    }

    [Fact]
    public void A_document_still_being_ingested_says_its_text_is_not_there_yet()
    {
        var queued = KnowledgeSamples.Document("new.md", DocumentStatusDto.Queued);
        Api.Documents.Add(queued);

        var page = Render<DocumentPage>(p => p.Add(x => x.BaseId, Api.Base.Id).Add(x => x.DocumentId, queued.DocumentId));

        page.WaitForAssertion(() => Assert.Contains("its text shows once it has been extracted", page.Find("[data-testid=text-problem]").TextContent));
        Assert.Contains("no searchable chunks yet", page.Find("[data-testid=chunks-none]").TextContent);
    }
}
