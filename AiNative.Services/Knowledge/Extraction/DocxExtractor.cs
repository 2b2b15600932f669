using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Word documents through Open XML: headings from paragraph styles, paragraphs, and table rows.
/// A package that unpacks to more than <see cref="KnowledgeOptions.MaxExpandedBytes"/> is refused before any part is read.
/// </summary>
internal sealed class DocxExtractor(IOptions<KnowledgeOptions> options) : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Docx;

    public ExtractedDocument Extract(Stream content)
    {
        using var document = Open(content, options.Value.MaxExpandedBytes);
        var body = BodyOf(document);
        var styles = StyleNames(document.MainDocumentPart!);
        var sections = new SectionBuilder();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var text = paragraph.InnerText;
                    if (HeadingLevel(paragraph, styles) is { } level)
                    {
                        sections.Heading(level, text);
                    }
                    else
                    {
                        sections.Paragraph(text);
                    }

                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        sections.Paragraph(string.Join(" | ", row.Elements<TableCell>().Select(c => Paragraphs.Collapse(c.InnerText))));
                    }

                    break;
            }
        }

        return sections.Build();
    }

    /// <summary>
    /// Opens the package, or says in words that it is not a Word document or unpacks to more than
    /// <paramref name="maxExpandedBytes"/>. Upload and extraction both open through here, so a zip bomb is refused at upload.
    /// </summary>
    public static WordprocessingDocument Open(Stream content, long maxExpandedBytes)
    {
        RefuseIfUnpackingExceeds(content, maxExpandedBytes);
        try
        {
            // The sizes checked above bound what the parts can hold (.NET reads no more than an entry declares); this bounds the parser too.
            var document = WordprocessingDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = maxExpandedBytes });
            if (document.MainDocumentPart is null)
            {
                document.Dispose();
                throw new DocumentRejectedException("The file is a ZIP package but not a Word document (it has no main document part).");
            }

            try
            {
                // Parsed here, so a damaged main part is refused at upload instead of failing ingestion again and again.
                BodyOf(document);
            }
            catch
            {
                document.Dispose();
                throw;
            }

            return document;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException("The file is not a valid Word (.docx) package; it may be damaged or an older .doc file. Save it as .docx and upload it again.", 400, e);
        }
    }

    /// <summary>The document's body, or in words why it cannot be read; the main part is parsed on first access.</summary>
    private static Body BodyOf(WordprocessingDocument document)
    {
        try
        {
            return document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("The Word document has no body. Open it in Word, save it again, and upload it.");
        }
        catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException)
        {
            throw new DocumentRejectedException(
                "The Word document's main text is damaged and cannot be read. Open it in Word, save it again, and upload the new file.", 400, e);
        }
    }

    /// <summary>
    /// Adds up the unpacked sizes the package declares for its entries, without unpacking any, and
    /// stops as soon as the total passes the limit: declared sizes reach 2^63, so a full sum of crafted ones would overflow.
    /// </summary>
    private static void RefuseIfUnpackingExceeds(Stream content, long limit)
    {
        long unpacked = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > limit)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DocumentRejectedException("The file is not a valid Word (.docx) package; it may be damaged. Save it as .docx and upload it again.", 400, e);
        }

        content.Position = 0;
        if (unpacked > limit)
        {
            throw new DocumentRejectedException(
                $"The Word document expands to more than {Sizes.Describe(limit)} when unpacked (at least {Sizes.Describe(unpacked)}), so it is not read: "
                + "it may be a zip bomb. Remove embedded files or split the document, and upload it again.");
        }
    }

    // Style ids are often "Heading1", but localised templates use other ids; the style's name ("heading 1") is stable.
    private static Dictionary<string, string> StyleNames(MainDocumentPart part) =>
        part.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && s.StyleName?.Val?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First().StyleName!.Val!.Value!)
        ?? [];

    private static int? HeadingLevel(Paragraph paragraph, Dictionary<string, string> styles)
    {
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (id is null)
        {
            return null;
        }

        var name = styles.GetValueOrDefault(id, id).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (name == "title")
        {
            return 1;
        }

        return name.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(name["heading".Length..], out var level) && level is >= 1 and <= 9
            ? level
            : null;
    }
}
