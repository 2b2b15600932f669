using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// PDF text through PdfPig, a section per page so chunks keep their page numbers, without running headers and footers
/// (<see cref="RunningLines"/>). What the streams decode to is bounded by
/// <see cref="KnowledgeOptions.MaxExpandedBytes"/> and the reading time by <see cref="KnowledgeOptions.MaxExtractionTime"/>.
/// </summary>
internal sealed class PdfExtractor(IOptions<KnowledgeOptions> options) : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Pdf;

    public ExtractedDocument Extract(Stream content)
    {
        var budget = new PdfReadBudget(options.Value.MaxExpandedBytes, options.Value.MaxExtractionTime);
        using var document = Open(content, budget);
        var pages = new List<(int Number, string[] Lines)>();
        try
        {
            foreach (var page in document.GetPages())
            {
                budget.CheckTime();
                pages.Add((page.Number, ContentOrderTextExtractor.GetText(page).ReplaceLineEndings("\n").Split('\n')));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(e);
        }

        // Headers and footers said on every page are left out before the text is split into paragraphs.
        var running = RunningLines.Find([.. pages.Select(p => p.Lines)]);
        var sections = new SectionBuilder();
        foreach (var (number, lines) in pages)
        {
            sections.Page(number);
            foreach (var paragraph in Paragraphs.Split(string.Join('\n', running.Remove(lines))))
            {
                sections.Paragraph(Paragraphs.Collapse(paragraph));
            }
        }

        var extracted = sections.Build() with { Pages = document.NumberOfPages };
        return extracted.HasText
            ? extracted
            : throw new DocumentRejectedException(
                "The PDF has no text layer (it may be scanned images). Run it through OCR first, or upload the text.");
    }

    /// <summary>Opens the PDF with its streams decoded within <paramref name="budget"/>, or says in words why it cannot be read.</summary>
    public static PdfDocument Open(Stream content, PdfReadBudget budget)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions { FilterProvider = new BudgetedFilterProvider(budget) });
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

    /// <summary>The budget's refusal where PdfPig wrapped it, else the file is damaged.</summary>
    private static DocumentRejectedException Damaged(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is DocumentRejectedException rejected)
            {
                return rejected;
            }
        }

        return new("The PDF is damaged and cannot be read. Save or export it again and upload the new file.", 400, e);
    }
}
