using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Word documents through Open XML: headings from paragraph styles, paragraphs, and table rows.</summary>
internal sealed class DocxExtractor : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Docx;

    public ExtractedDocument Extract(Stream content)
    {
        using var document = Open(content);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new DocumentRejectedException("The Word document has no body. Open it in Word, save it again, and upload it.");
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

    /// <summary>Opens the package, or says in words that it is not a Word document.</summary>
    public static WordprocessingDocument Open(Stream content)
    {
        try
        {
            var document = WordprocessingDocument.Open(content, false);
            if (document.MainDocumentPart is null)
            {
                document.Dispose();
                throw new DocumentRejectedException("The file is a ZIP package but not a Word document (it has no main document part).");
            }

            return document;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException("The file is not a valid Word (.docx) package; it may be damaged or an older .doc file. Save it as .docx and upload it again.", 400, e);
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
