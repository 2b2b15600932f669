using System.Text;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Testing;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Knowledge;

public sealed class ExtractionTests
{
    private static readonly DocumentExtractors Extractors = new(
    [
        new PlainTextExtractor(), new MarkdownExtractor(), new HtmlExtractor(), new PdfExtractor(Options.Create(new KnowledgeOptions())),
        new DocxExtractor(Options.Create(new KnowledgeOptions())), new CsvExtractor(), new JsonExtractor(),
    ]);

    private static ExtractedDocument Extract(string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var format = ContentInspector.Inspect(fileName, stream, new KnowledgeOptions().MaxExpandedBytes);
        return Extractors.Extract(format, stream);
    }

    private static string Refusal(string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return Assert.Throws<DocumentRejectedException>(() => Extractors.Extract(ContentInspector.Inspect(fileName, stream, new KnowledgeOptions().MaxExpandedBytes), stream)).Message;
    }

    [Fact]
    public void Pdf_text_is_extracted_per_page_with_page_numbers()
    {
        var pdf = TestDocuments.Pdf(["Invoices are due in thirty days."], ["Late invoices accrue interest."]);

        var document = Extract("terms.pdf", pdf);

        Assert.Equal([1, 2], document.Sections.Select(s => s.Page));
        Assert.Contains("thirty days", document.Sections[0].Paragraphs[0]);
        Assert.Contains("accrue interest", document.Sections[1].Paragraphs[0]);
    }

    [Fact]
    public void Running_headers_and_footers_with_their_page_numbers_are_left_out_of_pdf_text()
    {
        var pdf = TestDocuments.Pdf([.. Enumerable.Range(1, 5).Select(n => (string[])
        [
            $"Chapter 4: Function reference {17 + n}",
            .. Body(n),
            $"Page {n} of 5",
        ])]);

        var document = Extract("reference.pdf", pdf);
        var text = string.Join("\n", document.Sections.SelectMany(s => s.Paragraphs));

        Assert.Equal([1, 2, 3, 4, 5], document.Sections.Select(s => s.Page));
        Assert.DoesNotContain("Chapter 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page", text, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 5).SelectMany(Body), line => Assert.Contains(line, text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_chapter_header_on_alternate_pages_is_left_out_but_a_line_that_starts_only_two_pages_stays()
    {
        // Odd pages carry the chapter, even pages the book's title; two pages happen to start with the same sentence.
        var pdf = TestDocuments.Pdf([.. Enumerable.Range(1, 9).Select(n => (string[])
        [
            n % 2 == 1 ? $"{n + 40}   Chapter 2: Streams" : $"The zlib manual   {n + 40}",
            n is 2 or 7 ? "Streams are read in order." : $"Streams of the {Words[n]} kind come first.",
            .. Body(n),
        ])]);

        var document = Extract("manual.pdf", pdf);
        var text = string.Join("\n", document.Sections.SelectMany(s => s.Paragraphs));

        Assert.DoesNotContain("Chapter 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zlib manual", text, StringComparison.Ordinal);
        Assert.Equal([2, 7], document.Sections.Where(s => s.Paragraphs.Any(p => p.Contains("Streams are read in order.", StringComparison.Ordinal))).Select(s => s.Page));
        Assert.All(Enumerable.Range(1, 9).SelectMany(Body), line => Assert.Contains(line, text, StringComparison.Ordinal));
    }

    private static readonly string[] Words = ["zero", "amber", "birch", "cedar", "dune", "elm", "fern", "grove", "heath", "iris", "juniper", "kelp"];

    /// <summary>Lines of a page that no other page has, even with its numbers set aside.</summary>
    private static IEnumerable<string> Body(int page) =>
        Enumerable.Range(0, 5).Select(i => $"The {Words[page]} block {i} holds {Words[(page + i) % Words.Length]} data.");

    [Fact]
    public void Corrupt_pdf_is_refused_as_damaged()
    {
        var pdf = TestDocuments.Pdf(["Some text."]);
        var corrupt = pdf[..(pdf.Length / 3)].Concat(Encoding.ASCII.GetBytes("garbage")).ToArray();

        Assert.Contains("The PDF is damaged", Refusal("broken.pdf", corrupt));
    }

    [Fact]
    public void Password_protected_pdf_is_refused_with_what_to_do()
    {
        Assert.Contains("password-protected", Refusal("secret.pdf", TestDocuments.EncryptedPdf()));
    }

    [Fact]
    public void Docx_keeps_headings_as_sections()
    {
        var docx = TestDocuments.Docx(
            ("Heading1", "Travel policy"),
            (null, "Book trains for trips under four hours."),
            ("Heading2", "Hotels"),
            (null, "Hotels must be booked through the portal."));

        var document = Extract("policy.docx", docx);

        Assert.Equal(["Travel policy", "Travel policy › Hotels"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Hotels must be booked through the portal.", document.Sections[1].Paragraphs.Single());
    }

    [Fact]
    public void A_docx_that_is_not_a_valid_word_package_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("not a word document");
        }

        var truncated = TestDocuments.Docx((null, "Some text."))[..200];

        Assert.Contains("a ZIP package but not a Word document", Refusal("report.docx", zip.ToArray()));
        Assert.Contains("not a valid Word (.docx) package", Refusal("truncated.docx", truncated));
    }

    [Fact]
    public void Html_keeps_headings_and_paragraphs_and_drops_scripts()
    {
        var html = "<html><body><nav>Home | About</nav><h1>Returns</h1><p>Return items within <b>30 days</b>.</p><script>alert('x')</script><h2>Refunds</h2><ul><li>Card refunds take 5 days.</li></ul></body></html>";

        var document = Extract("returns.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal(["Returns", "Returns › Refunds"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Return items within 30 days.", document.Sections[0].Paragraphs.Single());
        Assert.DoesNotContain(document.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("alert") || p.Contains("About"));
    }

    [Fact]
    public void Csv_rows_become_records_with_their_column_names()
    {
        var csv = "sku;name;price\nA-1;\"Desk, oak\";120\nB-2;Chair;45\n";

        var records = Extract("products.csv", Encoding.UTF8.GetBytes(csv)).Sections.Single().Paragraphs;

        Assert.Equal(["sku: A-1; name: Desk, oak; price: 120", "sku: B-2; name: Chair; price: 45"], records);
    }

    [Fact]
    public void Json_arrays_become_one_record_per_item_with_dotted_paths()
    {
        var json = """[{"name":"Ada","address":{"city":"London"},"skills":["math","code"]},{"name":"Alan"}]""";

        var records = Extract("people.json", Encoding.UTF8.GetBytes(json)).Sections.Single().Paragraphs;

        Assert.Equal(["name: Ada; address.city: London; skills[0]: math; skills[1]: code", "name: Alan"], records);
    }

    [Fact]
    public void Invalid_json_is_refused_with_its_position()
    {
        Assert.Contains("not valid JSON (line 1", Refusal("data.json", Encoding.UTF8.GetBytes("{\"a\": ")));
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_with_the_offending_byte()
    {
        var latin1 = Encoding.Latin1.GetBytes("Caf\u00e9 au lait");

        var message = Refusal("menu.txt", latin1);

        Assert.Contains("not UTF-8 text (byte 0xE9 at offset 3)", message);
        Assert.Contains("Save it as UTF-8", message);
    }

    [Fact]
    public void Utf16_text_with_a_byte_order_mark_is_decoded()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Grüße aus Köln.")).ToArray();

        Assert.Equal("Grüße aus Köln.", Extract("hello.txt", utf16).Sections.Single().Paragraphs.Single());
    }

    [Theory]
    [InlineData("report.pdf", "just text", "named .pdf but its content is plain text")]
    [InlineData("notes.md", "%PDF-1.4 something", "named .md but its content is a PDF")]
    [InlineData("notes.txt", "PK\u0003\u0004zip", "named .txt but its content is a ZIP package")]
    [InlineData("data.csv", "a\u0000b", "named .csv but its content is binary data")]
    [InlineData("photo.png", "png", "'.png' files are not supported")]
    [InlineData("empty.md", "", "The file is empty.")]
    [InlineData("blank.md", "  \n\n ", "The file has no text")]
    public void Files_whose_content_is_not_what_their_name_says_are_refused(string fileName, string content, string expected)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(content));

        var error = Assert.Throws<DocumentRejectedException>(() => ContentInspector.Inspect(fileName, stream, new KnowledgeOptions().MaxExpandedBytes));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Markdown_sections_follow_heading_levels_and_keep_code_blocks_whole()
    {
        var markdown = "# Guide\nIntro text.\n\n## Install\n```bash\n# not a heading\nrun it\n```\n\n## Use\nUse it.";

        var document = MarkdownExtractor.Parse(markdown);

        Assert.Equal(["Guide", "Guide › Install", "Guide › Use"], document.Sections.Select(s => s.Heading));
        Assert.Equal("```bash\n# not a heading\nrun it\n```", document.Sections[1].Paragraphs.Single());
    }
}
