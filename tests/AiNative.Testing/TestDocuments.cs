using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AiNative.Testing;

/// <summary>Documents the tests generate: PDFs with PdfPig's writer, Word files with Open XML, and a hand-made encrypted PDF.</summary>
public static class TestDocuments
{
    /// <summary>A PDF with one page per entry, each with its lines of text.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 30;
            }
        }

        return builder.Build();
    }

    /// <summary>A Word document of (style, text) paragraphs; styles such as "Heading1" are defined in the package.</summary>
    public static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                paragraphs.Select(p => p.Style).OfType<string>().Distinct().Select(id =>
                    new Style(new StyleName { Val = id.StartsWith("Heading", StringComparison.Ordinal) ? $"heading {id[7..]}" : id })
                    {
                        Type = StyleValues.Paragraph,
                        StyleId = id,
                    }));
            main.Document = new Document(new Body(paragraphs.Select(p =>
            {
                var paragraph = new Paragraph(new Run(new Text(p.Text)));
                if (p.Style is not null)
                {
                    paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = p.Style }));
                }

                return (OpenXmlElement)paragraph;
            })));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A PDF encrypted with the standard security handler whose user password is not empty: PdfPig
    /// cannot write encryption, so the file is assembled here with a correct cross-reference table.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -4 >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        var id = new string('C', 32);
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
