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
        Assert.Contains("The Word document expands to more than 640 KB when unpacked (4.2 MB)", message);
    }

    [Fact]
    public void A_docx_within_the_unpacked_limit_is_read()
    {
        var options = new KnowledgeOptions { MaxUploadBytes = 64 * 1024, MaxExpansionRatio = 10 };
        var docx = TestDocuments.Docx((null, string.Concat(Enumerable.Repeat("All work and no play. ", 20_000))));

        var document = Extract("fine.docx", docx, options);

        Assert.StartsWith("All work and no play.", Assert.Single(Assert.Single(document.Sections).Paragraphs));
    }

    private static DocumentExtractors Extractors(KnowledgeOptions options) =>
        new([new DocxExtractor(Options.Create(options)), new HtmlExtractor()]);

    private static ExtractedDocument Extract(string fileName, byte[] content, KnowledgeOptions? options = null)
    {
        using var stream = new MemoryStream(content);
        return Extractors(options ?? new KnowledgeOptions()).Extract(ContentInspector.Inspect(fileName, stream), stream);
    }

    private static string Refusal(string fileName, byte[] content, KnowledgeOptions? options = null)
    {
        using var stream = new MemoryStream(content);
        var format = ContentInspector.Inspect(fileName, stream);
        return Assert.Throws<DocumentRejectedException>(() => Extractors(options ?? new KnowledgeOptions()).Extract(format, stream)).Message;
    }
}
