using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>PDF text through PdfPig, a section per page so chunks keep their page numbers.</summary>
internal sealed class PdfExtractor : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Pdf;

    public ExtractedDocument Extract(Stream content)
    {
        using var document = Open(content);
        var sections = new SectionBuilder();
        try
        {
            foreach (var page in document.GetPages())
            {
                sections.Page(page.Number);
                foreach (var paragraph in Paragraphs.Split(ContentOrderTextExtractor.GetText(page)))
                {
                    sections.Paragraph(Paragraphs.Collapse(paragraph));
                }
            }
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw Damaged(e);
        }

        var extracted = sections.Build();
        return extracted.HasText
            ? extracted
            : throw new DocumentRejectedException(
                "The PDF has no text layer (it may be scanned images). Run it through OCR first, or upload the text.");
    }

    /// <summary>Opens the PDF, or says in words why it cannot be read.</summary>
    public static PdfDocument Open(Stream content)
    {
        try
        {
            return PdfDocument.Open(content);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentRejectedException(
                "The PDF is password-protected. Remove the password (for example by printing it to a new PDF) and upload it again.", 400, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(e);
        }
    }

    private static DocumentRejectedException Damaged(Exception e) =>
        new("The PDF is damaged and cannot be read. Save or export it again and upload the new file.", 400, e);
}
