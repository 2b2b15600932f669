using System.IO.Compression;
using System.Text;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Documents as people have them: only a title, damaged, with a stray quote, with a sneaky name.</summary>
public sealed class UntidyDocumentTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_markdown_or_word_document_that_is_only_a_heading_is_ingested_with_the_heading_as_its_text()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Titles");

        var markdown = await scope.IngestAsync("Titles", Ingestion.Text("roadmap.md", "# Roadmap for the winter release\n"));
        var word = await scope.IngestAsync("Titles", Ingestion.Bytes("minutes.docx", TestDocuments.Docx(("Heading1", "Minutes of the spring meeting"))));

        Assert.Equal((DocumentStatus.Ready, 1), (markdown.Status, markdown.ChunkCount));
        Assert.Equal((DocumentStatus.Ready, 1), (word.Status, word.ChunkCount));
        var found = await scope.Get<KnowledgeSearch>().SearchAsync(new SearchRequest { Index = "Titles", Query = "winter release", Mode = SearchMode.Keyword }, Cancel);
        var hit = Assert.Single(found.Hits);
        Assert.Equal(markdown.Id, hit.DocumentId);
        Assert.Contains("Roadmap for the winter release", hit.Text);
    }

    [Fact]
    public async Task A_pdf_with_a_running_header_and_page_numbers_has_neither_in_its_chunks()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Manuals");
        var pdf = TestDocuments.Pdf([.. Enumerable.Range(1, 6).Select(n => new[]
        {
            $"Chapter 4: Function reference {17 + n}",
            $"Section {n}. The {Ordinal(n)} function deflates a stream and reports the bytes it wrote.",
            $"It returns {Ordinal(n)} status codes when the stream ends early, and never blocks.",
            $"- {n} -",
        })]);

        var document = await scope.IngestAsync("Manuals", Ingestion.Bytes("zlib.pdf", pdf));
        await using var db = await scope.DbAsync();
        var chunks = await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id).Select(c => new { c.Text, c.Page }).ToListAsync(Cancel);

        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.Equal([1, 2, 3, 4, 5, 6], chunks.Select(c => c.Page!.Value).Distinct().Order());
        Assert.All(chunks, c => Assert.DoesNotContain("Chapter 4", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.DoesNotContain($"- {c.Page} -", c.Text, StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Text.Contains("The third function deflates a stream", StringComparison.Ordinal));
    }

    private static string Ordinal(int n) => ((string[])["zeroth", "first", "second", "third", "fourth", "fifth", "sixth"])[n];

    [Fact]
    public async Task A_word_document_whose_main_part_is_damaged_is_refused_at_upload_in_words()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Damaged");

        var outcome = await scope.UploadAsync("Damaged", Ingestion.Bytes("torn.docx", WithDamagedMainPart(TestDocuments.Docx((null, "Whole text.")))));

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        Assert.Equal("The Word document's main text is damaged and cannot be read. Open it in Word, save it again, and upload the new file.", outcome.Message);
        Assert.Empty(await scope.Get<KnowledgeDocuments>().ListAsync("Damaged", Cancel));
    }

    [Fact]
    public async Task A_csv_file_with_a_broken_quote_fails_naming_the_line_it_is_on()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Sheets");

        var document = await scope.IngestAsync("Sheets", Ingestion.Text("prices.csv", "sku,name\nA-1,Desk\nB-2,\"Chair\"x\nC-3,Lamp\n"));

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Contains("malformed near line 3", document.Error);
    }

    [Fact]
    public async Task Unicode_format_characters_such_as_the_right_to_left_override_are_removed_from_file_names()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Names");

        var outcome = await scope.UploadAsync("Names", Ingestion.Text("invoice\u202Efdp.md", "# Invoice\n\nPaid."));

        Assert.Equal(UploadStatus.Accepted, outcome.Status);
        Assert.Equal("invoicefdp.md", Assert.Single(await scope.Get<KnowledgeDocuments>().ListAsync("Names", Cancel)).FileName);
    }

    private static byte[] WithDamagedMainPart(byte[] docx)
    {
        using var package = new MemoryStream();
        package.Write(docx);
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            var main = zip.GetEntry("word/document.xml")!;
            main.Delete();
            using var writer = zip.CreateEntry("word/document.xml").Open();
            writer.Write(Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"));
        }

        return package.ToArray();
    }
}
