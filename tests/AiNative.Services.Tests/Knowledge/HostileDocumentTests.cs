using System.Text;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Testing;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Small files built to exhaust the extractor are refused with what is wrong, quickly.</summary>
public sealed class HostileDocumentTests
{
    [Fact]
    public void A_small_docx_that_unpacks_past_the_limit_is_refused_before_it_is_read()
    {
        var options = new KnowledgeOptions { MaxUploadBytes = 64 * 1024, MaxExpansionRatio = 10 };
        var bomb = TestDocuments.Docx((null, string.Concat(Enumerable.Repeat("All work and no play. ", 200_000))));

        var message = Refusal("bomb.docx", bomb, options);

        Assert.True(bomb.Length < options.MaxUploadBytes);
        Assert.Contains("The Word document expands to more than 640 KB when unpacked (at least 4.2 MB)", message);
    }

    [Fact]
    public void A_docx_declaring_unpacked_sizes_that_would_overflow_a_sum_is_refused_in_words_at_upload_and_at_extraction()
    {
        var options = new KnowledgeOptions();
        var crafted = DeclaredSizeZip.Create(long.MaxValue / 2, long.MaxValue / 2, long.MaxValue / 2);
        using var stream = new MemoryStream(crafted);

        var atUpload = Assert.Throws<DocumentRejectedException>(() => ContentInspector.Inspect("crafted.docx", stream, options.MaxExpandedBytes)).Message;
        var atExtraction = Assert.Throws<DocumentRejectedException>(() => new DocxExtractor(Options.Create(options)).Extract(stream)).Message;

        Assert.Contains("The Word document expands to more than 200 MB when unpacked", atUpload);
        Assert.Equal(atUpload, atExtraction);
    }

    [Fact]
    public void A_docx_within_the_unpacked_limit_is_read()
    {
        var options = new KnowledgeOptions { MaxUploadBytes = 64 * 1024, MaxExpansionRatio = 10 };
        var docx = TestDocuments.Docx((null, string.Concat(Enumerable.Repeat("All work and no play. ", 20_000))));

        var document = Extract("fine.docx", docx, options);

        Assert.StartsWith("All work and no play.", Assert.Single(Assert.Single(document.Sections).Paragraphs));
    }

    [Fact]
    public void A_small_pdf_whose_content_decompresses_past_the_limit_is_refused_in_words()
    {
        var options = new KnowledgeOptions { MaxUploadBytes = 64 * 1024, MaxExpansionRatio = 10 };
        var bomb = TestDocuments.InflatingPdf("Hello", 8_000_000);

        var message = Refusal("bomb.pdf", bomb, options);

        Assert.True(bomb.Length < options.MaxUploadBytes);
        Assert.Contains("The PDF's content expands to more than 640 KB when decompressed, so it is not read", message);
    }

    [Fact]
    public void A_pdf_whose_content_decompresses_within_the_limit_is_read()
    {
        var options = new KnowledgeOptions { MaxUploadBytes = 64 * 1024, MaxExpansionRatio = 10 };

        var document = Extract("fine.pdf", TestDocuments.InflatingPdf("Hello reader", 400_000), options);

        Assert.Equal("Hello reader", Assert.Single(Assert.Single(document.Sections).Paragraphs));
    }

    [Fact]
    public void A_pdf_that_takes_longer_than_the_extraction_time_limit_to_read_is_stopped_in_words()
    {
        var options = new KnowledgeOptions { MaxExtractionTime = TimeSpan.FromTicks(1) };

        var message = Refusal("slow.pdf", TestDocuments.Pdf(["First page."], ["Second page."]), options);

        Assert.Contains("Reading the PDF's text took longer than", message);
    }

    [Fact]
    public void Html_nested_50000_levels_deep_is_refused_in_words_even_with_stray_end_tags()
    {
        var deep = Refusal("deep.html", NestedDivs(50_000, "<p>Bottom of the well.</p>"));
        var strayEndTags = Refusal("stray.html", $"<html><body>{string.Concat(Enumerable.Repeat("<div></span>", 50_000))}</body></html>");

        Assert.Contains("The HTML nests elements more than 512 levels deep", deep);
        Assert.Contains("The HTML nests elements more than 512 levels deep", strayEndTags);
    }

    [Fact]
    public void Html_whose_formatting_end_tags_leave_blocks_open_is_refused_in_words()
    {
        // The parser closes a misnested </b> without closing the div opened inside it (the adoption agency), so every div stays open.
        var misnested = Refusal("misnested.html", $"<html><body>{string.Concat(Enumerable.Repeat("<b><div></b>", 50_000))}</body></html>");

        Assert.Contains("The HTML nests elements more than 512 levels deep", misnested);
    }

    [Fact]
    public void Html_with_formatting_closed_around_blocks_as_real_pages_do_is_read()
    {
        // An unclosed span inside <b> is closed by </b> (no block was opened in it), so these stay shallow however often they repeat.
        var html = $"<html><body>{string.Concat(Enumerable.Repeat("<div><b>Bold <i>and</b> slanted</i></div><b><div>Heavy block</div></b><b><span>Unclosed</b>", 2_000))}<p>Bottom of the well.</body></html>";

        var document = Extract("formatting.html", html);

        Assert.Equal("Bottom of the well.", document.Sections.SelectMany(s => s.Paragraphs).Last());
    }

    [Fact]
    public void Html_nested_as_deep_as_real_pages_go_is_read_with_its_unclosed_paragraphs_and_items()
    {
        var sloppy = string.Concat(Enumerable.Repeat("<div><span>Unclosed <p>Para<ul><li>Item<li>Item</ul><br><img src=x></div>", 1_000));
        var html = NestedDivs(400, sloppy + "<p>Bottom of the well.");

        var document = Extract("deep.html", html);

        Assert.Equal("Bottom of the well.", document.Sections.SelectMany(s => s.Paragraphs).Last());
    }

    private static string NestedDivs(int depth, string inner) =>
        $"<html><body>{string.Concat(Enumerable.Repeat("<div>", depth))}{inner}{string.Concat(Enumerable.Repeat("</div>", depth))}</body></html>";

    private static DocumentExtractors Extractors(KnowledgeOptions options) =>
        new([new DocxExtractor(Options.Create(options)), new PdfExtractor(Options.Create(options)), new HtmlExtractor()]);

    private static ExtractedDocument Extract(string fileName, string content) => Extract(fileName, Encoding.UTF8.GetBytes(content));

    private static string Refusal(string fileName, string content) => Refusal(fileName, Encoding.UTF8.GetBytes(content));

    private static ExtractedDocument Extract(string fileName, byte[] content, KnowledgeOptions? options = null)
    {
        using var stream = new MemoryStream(content);
        options ??= new KnowledgeOptions();
        return Extractors(options).Extract(ContentInspector.Inspect(fileName, stream, options.MaxExpandedBytes), stream);
    }

    /// <summary>Why the file is refused, at upload's inspection or at extraction.</summary>
    private static string Refusal(string fileName, byte[] content, KnowledgeOptions? options = null)
    {
        using var stream = new MemoryStream(content);
        options ??= new KnowledgeOptions();
        return Assert.Throws<DocumentRejectedException>(() => Extractors(options).Extract(ContentInspector.Inspect(fileName, stream, options.MaxExpandedBytes), stream)).Message;
    }
}
